// The readers of pasted and stored text against input nobody designed for: arbitrary offer texts and
// diagnosis cases through parseTerms and diagnose. None may throw; every output must pass its schema.
// readPage's own fuzzing is in fuzz-pages.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import en from '../../public/_locales/en/messages.json' with { type: 'json' };
import { diagnose } from '../../src/core/diagnosis/index.ts';
import { translatorFrom } from '../../src/core/i18n.ts';
import { Diagnosis, PromotionTerms } from '../../src/core/schemas.ts';
import { parseTerms, type ParseOptions } from '../../src/core/terms/index.ts';
import { caseText, diagnosisCaseArb } from '../support/cases.ts';
import { PAYLOADS } from '../support/payloads.ts';
import { summary, tryAll, tryEach } from './attempts.ts';
import { report, scaled } from './figures.ts';

const SEED = 20261124;

describe('fuzzing the readers', () => {
  it('parseTerms never throws on arbitrary and hostile offer texts', { timeout: 300_000 }, () => {
    const runs = scaled(500);
    // Whole payloads (two of them 100 KB) once each below; the random mix takes their first 2,000 characters.
    const payloads = fc.constantFrom(...PAYLOADS.map((p) => p.text.slice(0, 2_000)));
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      payloads,
      fc
        .array(
          fc.oneof(
            payloads,
            fc.constantFrom('Spend $50 within 30 days, get $50', ' by March 31, 2027', ' US only '),
          ),
          {
            maxLength: 6,
          },
        )
        .map((a) => a.join(' ')),
    );
    const options = fc.record({
      lang: fc.constantFrom(null, 'en', 'es', 'pt-BR', 'fr', 'de', 'id', 'ja', 'vi', 'xx', '', '__proto__'),
      received: fc.constantFrom(null, '2026-11-02', '2026-02-30', 'not a date', '__proto__'),
    });
    const checkTerms = ([t, o]: [string, ParseOptions]) => {
      const parsed = PromotionTerms.safeParse(parseTerms(t, o));
      return parsed.success ? null : parsed.error.message;
    };
    const failures = [
      ...tryAll(fc.tuple(text, options), runs, SEED + 1, checkTerms),
      ...tryEach(
        PAYLOADS.map((p): [string, ParseOptions] => [p.text, { lang: 'en', received: null }]),
        checkTerms,
        runs,
      ),
    ];
    report('fuzz-terms', `${runs + PAYLOADS.length} cases, ${failures.length} failures`);
    expect(summary(failures)).toEqual([]);
  });

  it('diagnose never throws and always gives a schema-valid diagnosis', { timeout: 300_000 }, () => {
    const runs = scaled(500);
    const t = translatorFrom(en);
    const text = fc.oneof(caseText, fc.constantFrom(...PAYLOADS.map((p) => p.text)));
    const failures = tryAll(
      fc.tuple(diagnosisCaseArb(text), fc.array(text, { maxLength: 3 })),
      runs,
      SEED + 2,
      ([c, redeemedCodes]) => {
        const parsed = Diagnosis.safeParse(diagnose(c as never, t, { redeemedCodes }));
        if (!parsed.success) return parsed.error.message;
        return parsed.data.reasons.length > 0 ? null : 'no reason given';
      },
    );
    report('fuzz-diagnosis', `${runs} cases, ${failures.length} failures`);
    expect(summary(failures)).toEqual([]);
  });
});
