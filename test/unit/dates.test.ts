import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { addDays, dateInZone, daysBetween, isValidIsoDate } from '../../src/core/dates.ts';
import { findDates, parseDate, parseDateRange } from '../../src/core/date-text.ts';

const LANGS = ['en', 'es', 'pt', 'fr', 'de', 'id', 'ja', 'vi'] as const;

describe('parseDate', () => {
  it.each([
    ['2026-12-31', null, '2026-12-31'],
    ['Dec 31, 2026', 'en', '2026-12-31'],
    ['December 31, 2026', 'en', '2026-12-31'],
    ['31 Dec 2026', 'en', '2026-12-31'],
    ['31 December 2026', 'en', '2026-12-31'],
    ['Sept 3, 2026', 'en', '2026-09-03'],
    ['31/12/2026', 'en', '2026-12-31'],
    ['12/31/2026', 'en', '2026-12-31'],
    ['05/06/2026', 'en', '2026-05-06'],
    ['05/06/2026', 'es', '2026-06-05'],
    ['05/06/2026', 'pt-BR', '2026-06-05'],
    ['05/06/2026', 'fr', '2026-06-05'],
    ['05/06/2026', 'id', '2026-06-05'],
    ['05/06/2026', 'vi', '2026-06-05'],
    ['2026/12/31', 'ja', '2026-12-31'],
    ['2026/11/01', 'ja', '2026-11-01'],
    ['31.12.2026', 'de', '2026-12-31'],
    ['2026年12月31日', 'ja', '2026-12-31'],
    ['２０２６年１２月３１日', 'ja', '2026-12-31'],
    ['2026년 12월 31일', 'ko', '2026-12-31'],
    ['31 de diciembre de 2026', 'es', '2026-12-31'],
    ['31 de dezembro de 2026', 'pt', '2026-12-31'],
    ['31 de dez. de 2026', 'pt', '2026-12-31'],
    ['31 décembre 2026', 'fr', '2026-12-31'],
    ['31 decembre 2026', 'fr', '2026-12-31'],
    ['1er janvier 2027', 'fr', '2027-01-01'],
    ['31. Dezember 2026', 'de', '2026-12-31'],
    ['3. März 2026', 'de', '2026-03-03'],
    ['31 Desember 2026', 'id', '2026-12-31'],
    ['ngày 31 tháng 12 năm 2026', 'vi', '2026-12-31'],
    ['31 thg 12, 2026', 'vi', '2026-12-31'],
    ['DECEMBER 31, 2026', 'en', '2026-12-31'],
    ['31 Desember 2026', 'en', '2026-12-31'],
    ['2026-12-31 10:14:22', 'en', '2026-12-31'],
    ['2026-12-31 07:45 (UTC+09:00)', 'en', '2026-12-31'],
    ['Dec 31, 2026 23:59:59 GMT+8', 'en', '2026-12-31'],
  ] as const)('%s (%s) is %s', (text, lang, iso) => {
    expect(parseDate(text, lang)).toBe(iso);
  });

  it.each(['2026-02-30', '31/02/2026', '13/13/2026', '1.2.3', '$12.31', '10:00', 'Dec 2026', '', 'tomorrow'])(
    'rejects %j',
    (text) => {
      expect(parseDate(text, 'en')).toBeNull();
    },
  );

  it('needs the whole text to be one date', () => {
    expect(parseDate('Ends 2026-12-31', 'en')).toBeNull();
    expect(parseDate('2026-12-31 and 2027-01-01', 'en')).toBeNull();
  });
});

describe('findDates', () => {
  it('finds dates in free text in order', () => {
    const text = 'Valid 1 Jan 2027 until Dec 31, 2027 (v1.2.3, $12.31, 15%, 10:00〜18:00)';
    const found = findDates(text, 'en');
    expect(found.map((f) => f.iso)).toEqual(['2027-01-01', '2027-12-31']);
    expect(text.slice(found[1]!.start, found[1]!.end)).toBe('Dec 31, 2027');
  });

  it('ignores versions, prices, percentages and times', () => {
    expect(findDates('v2.10.3 costs $12.31, 15% off, open 10:00〜18:00, 1.234,56 €', 'en')).toEqual([]);
  });
});

describe('parseDateRange', () => {
  it.each([
    ['2026-03-02 00:00:00 ~ 2026-05-31 23:59:59', 'en'],
    ['2026-03-02 - 2026-05-31', 'en'],
    ['2026-03-02-2026-05-31', 'en'],
    ['2026/03/02〜2026/05/31', 'ja'],
    ['2026/03/02 ～ 2026/05/31', 'ja'],
    ['2026年3月2日から2026年5月31日', 'ja'],
    ['Mar 2, 2026 – May 31, 2026', 'en'],
    ['Mar 2, 2026 to May 31, 2026', 'en'],
    ['02/03/2026 a 31/05/2026', 'es'],
    ['2 de marzo de 2026 al 31 de mayo de 2026', 'es'],
    ['02/03/2026 até 31/05/2026', 'pt'],
    ['2 mars 2026 au 31 mai 2026', 'fr'],
    ['2. März 2026 bis 31. Mai 2026', 'de'],
    ['2 Maret 2026 s.d. 31 Mei 2026', 'id'],
    ['2 Maret 2026 sampai 31 Mei 2026', 'id'],
    ['02/03/2026 đến 31/05/2026', 'vi'],
  ] as const)('%s', (text, lang) => {
    expect(parseDateRange(text, lang)).toEqual({ from: '2026-03-02', until: '2026-05-31' });
  });

  it('reads open ranges', () => {
    expect(parseDateRange('2026年12月31日まで', 'ja')).toEqual({ from: null, until: '2026-12-31' });
    expect(parseDateRange('~ 2026-12-31', 'en')).toEqual({ from: null, until: '2026-12-31' });
    expect(parseDateRange('2026-03-02 ~', 'en')).toEqual({ from: '2026-03-02', until: null });
  });

  it('rejects what is not a range', () => {
    expect(parseDateRange('2026-03-02', 'en')).toBeNull();
    expect(parseDateRange('2026-03-02 and then 2026-05-31', 'en')).toBeNull();
    expect(parseDateRange('nothing here', 'en')).toBeNull();
  });
});

describe('date arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-02', 90)).toBe('2026-05-31');
  });

  it('counts calendar days regardless of DST', () => {
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(daysBetween('2026-10-20', '2026-11-10')).toBe(21);
    expect(daysBetween('2026-12-31', '2026-01-01')).toBe(-364);
  });

  it('is consistent: addDays(d, daysBetween(d, e)) = e', () => {
    const day = fc.integer({ min: 0, max: 40000 }).map((n) => addDays('1990-01-01', n));
    fc.assert(fc.property(day, day, (d, e) => addDays(d, daysBetween(d, e)) === e));
  });

  it('validates ISO dates', () => {
    expect(isValidIsoDate('2026-12-31')).toBe(true);
    expect(isValidIsoDate('2028-02-29')).toBe(true);
    expect(isValidIsoDate('2026-02-29')).toBe(false);
    expect(isValidIsoDate('2026-1-5')).toBe(false);
    expect(isValidIsoDate('2026-12-31T00:00')).toBe(false);
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });

  it('knows the length of every month as the Date calendar does, leap centuries included', () => {
    const pad = (n: number) => String(n).padStart(2, '0');
    for (const year of [1000, 1600, 1900, 2000, 2024, 2026, 2100, 9999])
      for (let month = 1; month <= 12; month++)
        for (let day = 1; day <= 31; day++) {
          const iso = `${year}-${pad(month)}-${pad(day)}`;
          const real = new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
          expect([iso, isValidIsoDate(iso)]).toEqual([iso, real]);
          expect(findDates(`${day}/${month}/${year}`, 'de')[0]?.iso).toBe(real ? iso : undefined);
        }
  });
});

describe('dateInZone', () => {
  it('gives the calendar date in the zone near midnight', () => {
    const instant = '2026-12-31T10:30:00Z';
    expect(dateInZone(instant, 'UTC')).toBe('2026-12-31');
    expect(dateInZone(instant, 'Pacific/Kiritimati')).toBe('2027-01-01');
    expect(dateInZone(instant, 'Etc/GMT+12')).toBe('2026-12-30');
    expect(dateInZone(Date.parse('2026-12-31T11:59:59Z'), 'Etc/GMT+12')).toBe('2026-12-30');
    expect(dateInZone(new Date('2026-12-31T12:00:00Z'), 'Etc/GMT+12')).toBe('2026-12-31');
    expect(dateInZone('2026-12-31T09:59:59Z', 'Pacific/Kiritimati')).toBe('2026-12-31');
    expect(dateInZone('2026-03-01T15:00:00Z', 'Asia/Tokyo')).toBe('2026-03-02');
  });
});

describe('round trip through Intl', () => {
  const date = fc.date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2099-12-31T00:00:00Z'),
    noInvalidDate: true,
  });
  for (const dateStyle of ['medium', 'long', 'short'] as const) {
    it(`parses back Intl ${dateStyle} dates in every language`, () => {
      fc.assert(
        fc.property(fc.constantFrom(...LANGS), date, (lang, d) => {
          const text = new Intl.DateTimeFormat(lang, { dateStyle, timeZone: 'UTC' }).format(d);
          // Two-digit years are out of scope: they cannot be told from day or month numbers.
          fc.pre(/\d{4}/.test(text));
          expect(parseDate(text, lang)).toBe(d.toISOString().slice(0, 10));
        }),
        { numRuns: 400 },
      );
    });
  }
});

describe('prepareDates', () => {
  it('builds the month names one language at a time when asked to stop, then dates read at once', async () => {
    vi.resetModules();
    const { prepareDates, parseDate } = await import('../../src/core/date-text.ts');
    let stops = 0;
    while (!prepareDates('fr', () => true)) stops++;
    // French, then English and the six other UI languages: one each.
    expect(stops).toBe(8);
    expect(prepareDates('fr', () => true)).toBe(true);
    expect(parseDate('31 décembre 2026', 'fr')).toBe('2026-12-31');
    expect(parseDate('Dec 31, 2026', 'fr')).toBe('2026-12-31');
  });
});
