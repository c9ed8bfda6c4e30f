// `cli parse`: exit codes and one-line messages (docs/ARCHITECTURE.md, Command line).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { run } from '../../src/cli/commands/parse.ts';
import { InputError } from '../../src/cli/io.ts';

const ROOT = join(import.meta.dirname, '../..');
const PAGE = join(ROOT, 'test/fixtures/pages/en-payment.html');
const dir = mkdtempSync(join(tmpdir(), 'cli-parse-'));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

function cli(...args: string[]) {
  // tsx itself rather than npx, whose own warnings would land on stderr.
  return spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['src/cli/main.ts', 'parse', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

describe('cli parse, spawned', { timeout: 60_000 }, () => {
  it('prints the snapshot of a saved page with the URL from its saved-from comment', () => {
    const r = cli(PAGE);
    expect(r.status).toBe(0);
    const snapshot = JSON.parse(r.stdout);
    expect(snapshot.url).toBe('https://ads.tiktok.com/i18n/account/payment?aadvid=7301234567890123456');
    expect(snapshot.balance).toEqual({ total: 1284.15, cash: 1034.5, credit: 249.65 });
  });

  it('exits 2 with one line on stderr for a missing file', () => {
    const r = cli(join(dir, 'nope.html'));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^parse: .*nope\.html: no such file$/),
    ]);
  });
});

describe('cli parse, run()', () => {
  const fails = (path: string, message: RegExp) => {
    expect(() => run([path], new Map())).toThrow(InputError);
    expect(() => run([path], new Map())).toThrow(message);
  };

  it('--url wins over the saved-from comment', () => {
    const url = 'https://business.tiktok.com/manage/payment/v2?org_id=1';
    const snapshot = run([PAGE], new Map([['url', url]]));
    expect(snapshot.url).toBe(url);
    expect(snapshot.accountId).toBe('7301234567890123456');
  });

  it('no comment and no --url gives a null URL, the view then comes from the page', () => {
    const snapshot = run([file('bare.html', '<html lang="en"><h1>Payment</h1></html>')], new Map());
    expect([snapshot.url, snapshot.view]).toEqual([null, 'payment']);
  });

  it('refuses a directory, an empty file, JSON, binary data and plain text', () => {
    fails(dir, /is a directory/);
    fails(file('empty.html', '  \n'), /empty file/);
    fails(file('data.html', '{"view": "<b>payment</b>"}'), /not an HTML page \(it is JSON\)/);
    fails(
      file('image.html', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x3c, 0x62, 0x3e])),
      /binary data/,
    );
    fails(file('notes.html', 'spend 5 < 10 and 7 > 3'), /no HTML tags/);
  });

  it('refuses a missing argument', () => {
    expect(() => run([], new Map())).toThrow(/missing HTML page file argument/);
  });
});
