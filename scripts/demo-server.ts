// HTTPS server for the mock Ads Manager (demo/) and the saved fixture pages, so that Chromium can
// reach both as https://ads.tiktok.com/... and the manifest's real match patterns apply.
// Run alone with `npx tsx scripts/demo-server.ts [port]`; tests and `npm start` import it.
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { generate } from 'selfsigned';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const demoDir = join(root, 'demo');
const fixtureDir = join(root, 'test', 'fixtures', 'pages');

/** Hosts the server answers for; Chromium maps each of them to 127.0.0.1:<port>. */
export const DEMO_HOSTS = ['ads.tiktok.com', 'business.tiktok.com'] as const;
export const DEMO_ACCOUNT_ID = '7301234567890123456';
export const DEMO_PAYMENT_URL = `https://ads.tiktok.com/i18n/account/payment?aadvid=${DEMO_ACCOUNT_ID}`;
export const DEMO_PROMOTIONS_URL = `https://ads.tiktok.com/i18n/account/promotion?aadvid=${DEMO_ACCOUNT_ID}`;

/** Whether url is one the mock site itself loads: its pages and its assets, on the demo hosts. */
export function isDemoSiteUrl(url: string): boolean {
  const { protocol, hostname, pathname } = new URL(url);
  return (
    protocol === 'https:' &&
    (DEMO_HOSTS as readonly string[]).includes(hostname) &&
    (pathname.startsWith('/i18n/') || pathname.startsWith('/__demo/') || pathname === '/favicon.ico')
  );
}

export interface FixturePage {
  /** File name without .html, e.g. "en-payment". */
  name: string;
  /** Absolute path of the saved page. */
  file: string;
  /** The URL the page was saved from (its `saved from url=` comment). */
  realUrl: string;
  /** Where the server serves it: the real URL plus `fixture=<name>`; the page then puts its real URL back. */
  servedUrl: string;
}

const SAVED_FROM = /<!-- saved from url=\(\d+\)(\S+) -->/;

/** Every saved page in test/fixtures/pages that names the URL it came from. */
export function fixturePages(): FixturePage[] {
  return readdirSync(fixtureDir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .flatMap((file) => {
      const path = join(fixtureDir, file);
      const realUrl = SAVED_FROM.exec(readFileSync(path, 'utf8'))?.[1];
      if (!realUrl) return [];
      const served = new URL(realUrl);
      const name = file.slice(0, -'.html'.length);
      served.searchParams.set('fixture', name);
      return [{ name, file: path, realUrl, servedUrl: served.href }];
    });
}

export interface DemoServer {
  port: number;
  /** The value for Chromium's --host-resolver-rules: the demo hosts go to this server, every other name fails. */
  hostResolverRules: string;
  close(): Promise<void>;
}

function fixtureResponse(fixture: FixturePage): string {
  const html = readFileSync(fixture.file, 'utf8');
  // Runs while the page parses, before document_idle content scripts: they see the saved URL exactly,
  // and the script removes itself so the DOM is the saved one.
  const restoreUrl = `<script>history.replaceState(null, '', ${JSON.stringify(fixture.realUrl)}); document.currentScript.remove();</script>`;
  return html.replace('</body>', `${restoreUrl}\n </body>`);
}

// typescript is loaded only when a server starts: importing this module for its URLs stays cheap.
async function appScript(): Promise<string> {
  const { default: ts } = await import('typescript');
  const source = readFileSync(join(demoDir, 'app.ts'), 'utf8');
  return ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  }).outputText;
}

const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

export async function startDemoServer(port = 0): Promise<DemoServer> {
  const pems = await generate([{ name: 'commonName', value: DEMO_HOSTS[0] }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 7 * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [...DEMO_HOSTS.map((value) => ({ type: 2 as const, value })), { type: 7, ip: '127.0.0.1' }],
      },
    ],
  });
  // Read once at start: the demo is small, and a broken app.ts should fail here, not in a test.
  const assets: Record<string, [string, string]> = {
    '/__demo/app.js': [CONTENT_TYPES.js!, await appScript()],
    '/__demo/app.css': [CONTENT_TYPES.css!, readFileSync(join(demoDir, 'app.css'), 'utf8')],
  };
  const shell = readFileSync(join(demoDir, 'index.html'), 'utf8');
  const fixtures = new Map(fixturePages().map((f) => [f.name, f]));

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', `https://${req.headers.host ?? DEMO_HOSTS[0]}`);
    const send = (status: number, type: string, body: string): void => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'text/plain', 'method not allowed');
    const asset = assets[url.pathname];
    if (asset) return send(200, asset[0], asset[1]);
    const fixtureName = url.searchParams.get('fixture');
    if (fixtureName !== null) {
      const fixture = fixtures.get(fixtureName);
      return fixture
        ? send(200, CONTENT_TYPES.html!, fixtureResponse(fixture))
        : send(404, 'text/plain', `no fixture named ${fixtureName}`);
    }
    // The real Ads Manager is one single-page app under /i18n/: every route gets the same shell.
    if (url.pathname.startsWith('/i18n/')) return send(200, CONTENT_TYPES.html!, shell);
    if (url.pathname === '/') {
      res.writeHead(302, { location: DEMO_PAYMENT_URL });
      return void res.end();
    }
    send(404, 'text/plain', 'not found');
  };

  const server: Server = createServer({ key: pems.private, cert: pems.cert }, handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    port: bound,
    hostResolverRules: [
      ...DEMO_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${bound}`),
      'MAP * ~NOTFOUND',
      'EXCLUDE localhost',
    ].join(', '),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const server = await startDemoServer(Number(process.argv[2] ?? 0));
  process.stdout.write(
    `Demo server on https://127.0.0.1:${server.port}\n` +
      `Start Chromium with:\n  --host-resolver-rules="${server.hostResolverRules}" --ignore-certificate-errors\n` +
      `then open ${DEMO_PAYMENT_URL}\n`,
  );
}
