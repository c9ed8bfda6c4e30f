// Tests read pages with the DOM the CLI uses, so a fixture that passes here passes `cli parse`.
export { parseDocument as parseHtml } from '../../src/cli/commands/parse.ts';
