// Input handling shared by every command: the contract says unreadable input exits 2 with one line on stderr.
import { readFileSync, statSync } from 'node:fs';

/** Thrown for input the command cannot use; main.ts turns it into exit code 2 and a one-line message. */
export class InputError extends Error {}

/** A command's output printed as it is (a report is HTML), not as JSON. */
export class Printed {
  constructor(readonly text: string) {}
}

/** Reads a text file, or explains in one line why it cannot. */
export function readTextFile(path: string | undefined, what: string): string {
  if (!path) throw new InputError(`missing ${what} file argument`);
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new InputError(`${path}: no such file`);
  }
  if (stat.isDirectory()) throw new InputError(`${path}: is a directory, expected a ${what} file`);
  const text = readFileSync(path, 'utf8');
  if (text.trim() === '') throw new InputError(`${path}: empty file, expected a ${what} file`);
  return text;
}

export function readJsonFile(path: string | undefined, what: string): unknown {
  const text = readTextFile(path, what);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(`${path}: not valid JSON (${(e as Error).message.split('\n')[0]})`);
  }
}

/** Splits `argv` into positional arguments and `--flag value` options. */
export function parseArgs(argv: string[]): { positional: string[]; options: Map<string, string> } {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) options.set(a.slice(2, eq), a.slice(eq + 1));
      else {
        const next = argv[i + 1];
        if (next === undefined || next.startsWith('--')) throw new InputError(`option ${a} needs a value`);
        options.set(a.slice(2), next);
        i++;
      }
    } else positional.push(a);
  }
  return { positional, options };
}
