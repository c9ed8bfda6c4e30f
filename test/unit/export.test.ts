import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  buildBackup,
  deadlinesOf,
  foldLine,
  icsText,
  mergeSettings,
  parseBackup,
  planImport,
  toCsv,
  toIcs,
} from '../../src/core/export.ts';
import { progressOfRecord } from '../../src/core/progress.ts';
import { DEFAULT_SETTINGS } from '../../src/core/schemas.ts';
import { NOW, attempt, earning, record, t } from './ui-records.tsx';

const ics = (records: Parameters<typeof toIcs>[0], reminderDays = [7, 3, 1]) =>
  toIcs(records, { now: NOW, timeZone: 'UTC', locale: 'en', reminderDays, t });

/** RFC 4180 reader, enough to read our own output back. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('deadlines', () => {
  it('an earning promotion has its spend deadline; a used one has none left', () => {
    expect(deadlinesOf(earning(), NOW, 'UTC')).toEqual([{ kind: 'spend', date: '2026-12-10' }]);
    const used = record({ status: 'used', terms: { creditExpiry: '2027-01-01' } });
    expect(deadlinesOf(used, NOW, 'UTC')).toEqual([]);
  });

  it('a code not activated yet has its activation deadline until it passes', () => {
    const fresh = record({
      status: 'received',
      activatedOn: null,
      receivedOn: '2026-11-20',
      terms: { activateWithinDays: 14 },
    });
    expect(deadlinesOf(fresh, NOW, 'UTC')).toEqual([{ kind: 'activation', date: '2026-12-04' }]);
    const stale = { ...fresh, receivedOn: '2026-11-01' };
    expect(deadlinesOf(stale, NOW, 'UTC')).toEqual([]);
  });
});

describe('CSV', () => {
  it('reads back to the same rows, with quotes, commas, line breaks and formula-like text made safe', () => {
    const tricky = earning({ name: 'Spring "Boost", part 2\nfor new accounts', code: '=HYPERLINK("x")' });
    const csv = toCsv(
      [tricky, record({ accountId: null, terms: { currency: null, amount: null } })],
      NOW,
      'UTC',
    );
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = readCsv(csv);
    expect(rows).toHaveLength(3);
    const [header, first, second] = rows as [string[], string[], string[]];
    expect(rows.every((r) => r.length === header.length)).toBe(true);
    const col = (row: string[], name: string) => row[header.indexOf(name)];
    expect(col(first, 'name')).toBe('Spring "Boost", part 2\nfor new accounts');
    expect(col(first, 'code')).toBe(`'=HYPERLINK("x")`);
    expect(col(first, 'spent')).toBe('28');
    expect(col(first, 'spend_deadline')).toBe('2026-12-10');
    expect(col(first, 'currency')).toBe('USD');
    expect(col(second, 'account')).toBe('');
    expect(col(second, 'amount')).toBe('');
  });

  it('the status column is the one the popup shows, as of now, not the one stored at the last visit', () => {
    // Stored while earning; the spend deadline has passed since, with the minimum not met.
    const lapsed = earning({ terms: { spendDeadline: '2026-11-20' } });
    const shown = progressOfRecord(lapsed, NOW, 'UTC').status;
    expect(shown).not.toBe(lapsed.status);
    const rows = readCsv(toCsv([lapsed], NOW, 'UTC'));
    expect(rows[1]![rows[0]!.indexOf('status')]).toBe(shown);
  });

  it('any name survives the round trip', () => {
    fc.assert(
      fc.property(fc.string(), (name) => {
        const rows = readCsv(toCsv([record({ name })], NOW, 'UTC'));
        const cell = rows[1]![rows[0]!.indexOf('name')]!;
        expect(/^[=+\-@\t\r]/.test(name) ? cell === `'${name}` : cell === name).toBe(true);
      }),
    );
  });
});

describe('iCalendar', () => {
  it('escapes text and folds long lines at 75 octets without splitting a character', () => {
    expect(icsText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const long = `SUMMARY:${'広告クレジット'.repeat(10)}`;
    const folded = foldLine(long);
    for (const line of folded.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(
      folded
        .split('\r\n')
        .map((l, i) => (i ? l.slice(1) : l))
        .join(''),
    ).toBe(long);
  });

  it('parses back with ical.js: one all-day event per deadline, alarms per threshold, stable UIDs', () => {
    const name = 'Holiday boost, 50% off; really\\truly\nnew';
    const records = [
      earning({ name, id: 'a:b c' }),
      record({
        status: 'available',
        creditIssuedOn: '2026-11-20',
        metOn: '2026-11-18',
        terms: { creditValidityDays: 90 },
      }),
      record({
        status: 'received',
        activatedOn: null,
        receivedOn: '2026-11-20',
        terms: { activateWithinDays: 14 },
      }),
    ];
    const text = ics(records);
    expect(text.split('\r\n').every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
    expect(/[^\r]\n/.test(text)).toBe(false);

    const cal = new ICAL.Component(ICAL.parse(text));
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.summary, e.startDate.toString(), e.startDate.isDate])).toEqual([
      [`Minimum spend deadline: ${name}`, '2026-12-10', true],
      [`Ad credit expires: ${records[1]!.name}`, '2027-02-18', true],
      [`Activate code: ${records[2]!.name}`, '2026-12-04', true],
    ]);
    const first = events[0]!;
    expect(first.endDate.toString()).toBe('2026-12-11');
    expect(first.description).toContain('Minimum spend: $50.00');
    expect(first.uid).toMatch(/@adcreditguide\.app$/);
    expect(new Set(events.map((e) => e.uid)).size).toBe(3);
    const stamp = first.component.getFirstPropertyValue('dtstamp') as ICAL.Time;
    expect(stamp.toJSDate().toISOString()).toBe(NOW.toISOString());
    const triggers = first.component
      .getAllSubcomponents('valarm')
      .map((a) => String(a.getFirstPropertyValue('trigger')));
    expect(triggers).toEqual(['-P6DT15H', '-P2DT15H', '-PT15H']);
    // The same promotion exported again keeps its UIDs, so calendars update instead of duplicating.
    expect(ics(records).match(/^UID:.*$/gm)).toEqual(text.match(/^UID:.*$/gm));
  });

  it('a reminder on the day itself fires at nine that morning', () => {
    const text = ics([earning()], [0]);
    const alarm = new ICAL.Component(ICAL.parse(text))
      .getFirstSubcomponent('vevent')!
      .getFirstSubcomponent('valarm')!;
    expect(String(alarm.getFirstPropertyValue('trigger'))).toBe('PT9H');
  });

  it('no promotion still gives a valid, empty calendar', () => {
    const cal = new ICAL.Component(ICAL.parse(ics([])));
    expect(cal.getAllSubcomponents('vevent')).toHaveLength(0);
  });
});

describe('backup', () => {
  const content = { promotions: [earning(), record()], attempts: [attempt()], settings: DEFAULT_SETTINGS };

  it('reads back what it wrote', () => {
    const parsed = parseBackup(buildBackup(content, NOW));
    expect(parsed.ok && parsed.backup.promotions).toEqual(content.promotions);
    expect(parsed.ok && parsed.backup.exportedAt).toBe(NOW.toISOString());
  });

  it('rejects a file that is not JSON, not a backup, or holds an invalid record', () => {
    expect(parseBackup('{nope')).toEqual({ ok: false, problems: [{ path: '', message: 'not-json' }] });
    expect(parseBackup('{"promotions": []}')).toEqual({
      ok: false,
      problems: [{ path: '', message: 'not-a-backup' }],
    });
    const json = JSON.parse(buildBackup(content, NOW));
    json.promotions[1].terms.amount = 'fifty';
    const parsed = parseBackup(JSON.stringify(json));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems[0]!.path).toBe('promotions.1.terms.amount');
  });

  it('plans an import: new, changed (with the fields), unchanged; a newer updatedAt alone is no change', () => {
    const [a, b] = content.promotions as [ReturnType<typeof earning>, ReturnType<typeof record>];
    const c = record();
    const incoming = JSON.parse(buildBackup(content, NOW));
    incoming.promotions = [
      { ...a, updatedAt: '2026-11-30T00:00:00.000Z' },
      { ...b, status: 'processing', metOn: '2026-11-22' },
      c,
    ];
    incoming.attempts = [...content.attempts, attempt()];
    incoming.settings = { ...DEFAULT_SETTINGS, reminderDays: [2] };
    const parsed = parseBackup(JSON.stringify(incoming));
    if (!parsed.ok) throw new Error('backup should parse');
    const plan = planImport(content, parsed.backup);
    expect(plan.added.map((r) => r.id)).toEqual([c.id]);
    expect(plan.changed.map((x) => [x.before.id, x.changes])).toEqual([
      [
        b.id,
        [
          { field: 'status', before: b.status, after: 'processing' },
          { field: 'metOn', before: b.metOn, after: '2026-11-22' },
        ],
      ],
    ]);
    expect(plan.unchanged).toBe(1);
    expect(plan.attemptsAdded).toBe(1);
    expect(plan.settings).toEqual([{ field: 'reminderDays', before: [7, 3, 1], after: [2] }]);
  });

  it('shows a renamed promotion term by term, old to new, under the name it has now', () => {
    const [a] = content.promotions as [ReturnType<typeof earning>];
    const incoming = JSON.parse(buildBackup(content, NOW));
    incoming.promotions[0] = { ...a, name: 'Renamed offer', terms: { ...a.terms, amount: 75 } };
    const parsed = parseBackup(JSON.stringify(incoming));
    if (!parsed.ok) throw new Error('backup should parse');
    const [changed] = planImport(content, parsed.backup).changed;
    expect(changed!.before.name).toBe(a.name);
    expect(changed!.changes).toEqual([
      { field: 'name', before: a.name, after: 'Renamed offer' },
      { field: 'terms.amount', before: a.terms.amount, after: 75 },
    ]);
  });

  it('merges settings field by field: only the fields taken come from the backup', () => {
    const mine = { reminderDays: [5], quietHours: { start: '22:00', end: '07:00' }, timeZone: 'Asia/Tokyo' };
    const backup = { reminderDays: [7, 3, 1], quietHours: null, timeZone: 'Europe/Paris' };
    expect(mergeSettings(mine, backup, ['timeZone'])).toEqual({ ...mine, timeZone: 'Europe/Paris' });
    expect(mergeSettings(mine, backup, [])).toEqual(mine);
  });

  it('the same id in another ad account is another promotion', () => {
    const a = record({ id: 'same' });
    const other = { ...a, accountId: '7000000000999' };
    const parsed = parseBackup(buildBackup({ ...content, promotions: [other] }, NOW));
    if (!parsed.ok) throw new Error('backup should parse');
    expect(planImport({ ...content, promotions: [a] }, parsed.backup).added).toHaveLength(1);
  });
});
