import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The lint rules are part of the security model: prove they catch what they are meant to catch.
const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function ruleIds(code: string, file: string) {
  const [result] = await eslint.lintText(code, { filePath: file });
  return result!.messages.map((m) => m.ruleId);
}

describe('security lint rules', () => {
  it('forbid eval and new Function', async () => {
    expect(await ruleIds('export const f = (s: string) => eval(s);\n', 'src/ui/x.ts')).toContain('no-eval');
    expect(await ruleIds("export const f = new Function('return 1');\n", 'src/ui/x.ts')).toContain(
      'no-new-func',
    );
  });

  it('forbid writing HTML from strings', async () => {
    const ids = await ruleIds(
      'export const f = (e: Element, s: string) => { e.innerHTML = s; };\n',
      'src/content/x.ts',
    );
    expect(ids).toContain('no-restricted-properties');
    const jsx = await ruleIds(
      'export const C = (p: { s: string }) => <div dangerouslySetInnerHTML={{ __html: p.s }} />;\n',
      'src/ui/x.tsx',
    );
    expect(jsx).toContain('no-restricted-syntax');
  });

  it('keep browser APIs out of src/core and the polyfill inside src/platform', async () => {
    expect(await ruleIds('export const id = () => chrome.runtime.id;\n', 'src/core/x.ts')).toContain(
      'no-restricted-globals',
    );
    expect(
      await ruleIds(
        "import browser from 'webextension-polyfill';\nexport default browser;\n",
        'src/popup/x.ts',
      ),
    ).toContain('no-restricted-imports');
    expect(
      await ruleIds(
        "import browser from 'webextension-polyfill';\nexport default browser;\n",
        'src/platform/x.ts',
      ),
    ).not.toContain('no-restricted-imports');
  });
});
