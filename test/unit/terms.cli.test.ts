import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// One spawn per refusal the contract names: a missing file and a malformed --received both exit 2 with one line.
function cli(args: string[]): { status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'terms', ...args], {
    encoding: 'utf8',
  });
  return { status: r.status, stderr: r.stderr };
}

describe('cli terms', () => {
  it('exits 2 with one line for a missing file or a bad --received', () => {
    for (const args of [['no/such/offer.txt'], ['test/terms/en-nothing.txt', '--received', '2026-13-01']]) {
      const r = cli(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
