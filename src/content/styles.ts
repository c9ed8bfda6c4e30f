// The overlay's styles, inside our shadow root only. Light and dark follow the system; motion only when
// the user has not asked for less.
export const STYLES = `
:host {
  all: initial !important;
  position: fixed !important;
  top: 0 !important;
  left: 0 !important;
  width: 0 !important;
  height: 0 !important;
  z-index: 2147483647 !important;
}
* { box-sizing: border-box; }
/* Custom properties pass through \`all: initial\`; fonts and colours are set below it, on our parts. */
:host {
  --fg: #161823; --muted: #5c5f66; --bg: #ffffff; --line: #d9dadc; --accent: #0b6e69; --accent-fg: #ffffff;
  --shadow: 0 4px 16px rgba(0, 0, 0, 0.18);
}
@media (prefers-color-scheme: dark) {
  :host {
    --fg: #ececf1; --muted: #b4b6bd; --bg: #1f2127; --line: #3a3d45; --accent: #4fd1c5; --accent-fg: #10201f;
    --shadow: 0 4px 16px rgba(0, 0, 0, 0.6);
  }
}
:host > div { font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); }
button, textarea { font: inherit; color: inherit; }
[data-part="panel"], [data-part="card"] {
  position: fixed;
  width: 300px;
  max-height: calc(100vh - 96px);
  overflow: auto;
  padding: 12px 14px;
  background: var(--bg);
  border: 1px solid var(--line);
  border-radius: 8px;
  box-shadow: var(--shadow);
}
[data-part="panel"] { top: 72px; }
[data-part="panel"][data-side="right"] { right: 12px; }
[data-part="panel"][data-side="left"] { left: 12px; }
[data-part="card"] { width: 320px; }
header { display: flex; align-items: center; justify-content: space-between; gap: 8px; }
h2 { margin: 0; font-size: 14px; font-weight: 600; }
h3 { margin: 10px 0 4px; font-size: 12px; font-weight: 600; color: var(--muted); }
ol, ul { margin: 8px 0 0; padding-left: 0; list-style: none; }
ul ul, ol ul { padding-left: 16px; list-style: disc; }
[data-part="card"] ol > li { margin-bottom: 8px; }
[data-part="panel"] ol > li { display: flex; gap: 6px; padding: 2px 0; color: var(--muted); }
li[data-state="done"] { color: var(--fg); }
li[data-state="current"] { color: var(--fg); font-weight: 600; }
[data-part="mark"] { display: inline-block; width: 1.2em; text-align: center; color: var(--accent); }
[data-part="sr"] {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
}
[data-part="now"] { margin: 10px 0 0; padding: 8px; border-left: 3px solid var(--accent); background: transparent; }
p { margin: 6px 0 0; }
button {
  cursor: pointer;
  padding: 4px 10px;
  border: 1px solid var(--line);
  border-radius: 6px;
  background: var(--bg);
}
button[type="submit"] { margin-top: 6px; background: var(--accent); color: var(--accent-fg); border-color: var(--accent); }
button:disabled { opacity: 0.6; cursor: default; }
button:focus-visible, textarea:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
textarea {
  display: block; width: 100%; margin-top: 4px; padding: 6px;
  background: var(--bg); border: 1px solid var(--line); border-radius: 6px; resize: vertical;
}
label { display: block; }
[data-part="tab"] {
  position: fixed;
  bottom: 72px;
  padding: 6px 10px;
  background: var(--accent);
  color: var(--accent-fg);
  border: none;
  box-shadow: var(--shadow);
  font-weight: 600;
}
[data-part="tab"][data-side="right"] { right: 0; border-radius: 8px 0 0 8px; }
[data-part="tab"][data-side="left"] { left: 0; border-radius: 0 8px 8px 0; }
[data-part="outline"] {
  position: fixed;
  pointer-events: none;
  border: 3px solid #fe2c55;
  border-radius: 6px;
  box-shadow: 0 0 0 4px rgba(254, 44, 85, 0.25);
}
[data-part="note"] {
  position: fixed;
  margin: 0;
  transform: translate(-100%, -50%);
  pointer-events: none;
  padding: 1px 8px;
  font-size: 11px;
  white-space: nowrap;
  background: var(--bg);
  border: 1px solid var(--accent);
  border-radius: 10px;
  box-shadow: var(--shadow);
}
@media (prefers-reduced-motion: no-preference) {
  [data-part="outline"] { transition: left 120ms ease-out, top 120ms ease-out, width 120ms, height 120ms; }
  [data-part="panel"], [data-part="card"] { animation: slide-in 160ms ease-out; }
  @keyframes slide-in { from { opacity: 0; transform: translateY(-6px); } to { opacity: 1; transform: none; } }
}
`;
