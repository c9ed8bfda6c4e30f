// Kept promotions for the popup figures: many accounts and every lifecycle state, built with the ui
// tests' record builders and validated against the stored schema, so the worker and popup accept them.
import { PromotionRecord, type Lifecycle } from '../src/core/schemas.ts';
import { earning, NOW, record } from '../test/unit/ui-records.tsx';

export { NOW };

const STATES: Lifecycle[] = [
  'earning',
  'processing',
  'available',
  'received',
  'activated',
  'used',
  'expired',
  'missed',
];

export function benchRecords(n: number): PromotionRecord[] {
  return Array.from({ length: n }, (_, i) => {
    const over = {
      id: `bench-${i}`,
      accountId: `73000000000000${String(i % 5).padStart(2, '0')}`,
      name: `Bench promotion ${i + 1}`,
      code: `BENCH${i}`,
      status: STATES[i % STATES.length]!,
      terms: { amount: 50 + (i % 7) * 25, minSpend: 50 + (i % 5) * 50 },
    };
    return PromotionRecord.parse(over.status === 'earning' ? earning(over) : record(over));
  });
}
