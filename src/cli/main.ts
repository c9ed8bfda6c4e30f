// `npm run --silent cli -- <command> ...`: JSON on stdout, exit 2 with one line on stderr for unusable input.
import { InputError, parseArgs, Printed } from './io.ts';

type Command = (positional: string[], options: Map<string, string>) => Promise<unknown> | unknown;

// Loaded on demand so `parse` does not pay for the terms and diagnosis code, and vice versa.
const commands: Record<string, () => Promise<{ run: Command }>> = {
  parse: () => import('./commands/parse.ts'),
  redact: () => import('./commands/redact.ts'),
  terms: () => import('./commands/terms.ts'),
  diagnose: () => import('./commands/diagnose.ts'),
};

const USAGE = `usage: cli parse <page.html> [--url <url>]
       cli redact <page.html> [--url <url>]
       cli terms <text-file> [--lang <bcp47>] [--received <YYYY-MM-DD>]
       cli diagnose <case.json>`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const load = name ? commands[name] : undefined;
  if (!load) {
    process.stderr.write(`${name ? `unknown command "${name}"` : 'no command given'}\n${USAGE}\n`);
    return 2;
  }
  try {
    const { positional, options } = parseArgs(rest);
    const result = await (await load()).run(positional, options);
    // A report is HTML, printed as it is; every other command prints JSON.
    process.stdout.write(result instanceof Printed ? result.text : JSON.stringify(result, null, 2) + '\n');
    return 0;
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`${name}: ${e.message.replace(/\s*\n\s*/g, ' ')}\n`);
      return 2;
    }
    throw e;
  }
}

process.exitCode = await main(process.argv.slice(2));
