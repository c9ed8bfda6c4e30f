import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    // test/pages/kits is the test-page generator, a React project of its own with its own package.json.
    ignores: [
      'dist/**',
      'node_modules/**',
      'test/fixtures/**',
      'test/pages/kits/**',
      'artifacts/**',
      'bench/results.json',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      // Page text is untrusted: nothing may turn a string into code or markup.
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-properties': [
        'error',
        {
          property: 'innerHTML',
          message: 'Render page text as text (Text nodes, textContent, Preact), never as HTML.',
        },
        { property: 'outerHTML', message: 'Render page text as text, never as HTML.' },
        { property: 'insertAdjacentHTML', message: 'Render page text as text, never as HTML.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render page text as text, never as HTML.',
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Only src/platform may talk to the browser.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/platform/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['webextension-polyfill'] }],
    },
  },
  {
    // The content script loads on every Ads Manager page: its overlay is plain DOM code (src/content/dom.ts).
    files: ['src/content/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['webextension-polyfill'],
          patterns: [
            {
              group: ['preact', 'preact/*'],
              message: 'The content script ships no UI library: see src/content/dom.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    // src/core is pure: no browser APIs, no globals that tie it to one context.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'browser', message: 'src/core is pure: pass data in.' },
        { name: 'chrome', message: 'src/core is pure: pass data in.' },
        { name: 'window', message: 'src/core is pure: pass a Document in.' },
        { name: 'document', message: 'src/core is pure: pass a Document in.' },
        { name: 'localStorage', message: 'src/core is pure.' },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: ['webextension-polyfill'],
          patterns: [
            '**/platform/**',
            '**/content/**',
            '**/background/**',
            '**/popup/**',
            '**/options/**',
            '**/ui/**',
            'preact',
            'preact/*',
          ],
        },
      ],
    },
  },
);
