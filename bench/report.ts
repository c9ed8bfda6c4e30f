// Figures as the benchmark reports them: one row per figure with its budget, printed as a table and
// written to bench/results.json. A figure that could not be measured is kept with a null value and the
// reason, so a missing piece shows in the table instead of silently shrinking it.

export type Budget =
  /** value ≤ max */
  | { max: number }
  /** value must be exactly this (counts: long tasks, idle reads) */
  | { equals: number };

export interface Figure {
  /** What was measured, e.g. "reader/happy-dom" or "bundle". */
  section: string;
  name: string;
  value: number | null;
  unit: string;
  budget?: Budget;
  /** How to read the value, or why it is missing. */
  note?: string;
}

export type Verdict = 'pass' | 'miss' | 'n/a' | '';

export function verdict(f: Figure): Verdict {
  if (f.value === null || Number.isNaN(f.value)) return 'n/a';
  if (!f.budget) return '';
  return 'max' in f.budget
    ? f.value <= f.budget.max
      ? 'pass'
      : 'miss'
    : f.value === f.budget.equals
      ? 'pass'
      : 'miss';
}

function formatValue(f: Figure): string {
  if (f.value === null || Number.isNaN(f.value)) return '—';
  const v = f.value;
  const digits = Number.isInteger(v) ? 0 : Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2;
  return `${v.toFixed(digits)}${f.unit ? ` ${f.unit}` : ''}`;
}

function formatBudget(f: Figure): string {
  if (!f.budget) return '';
  return 'max' in f.budget ? `≤ ${f.budget.max}${f.unit ? ` ${f.unit}` : ''}` : `= ${f.budget.equals}`;
}

/** The table printed on stdout: figure, value, budget, verdict, and the note where there is one. */
export function table(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    `${f.section}: ${f.name}`,
    formatValue(f),
    formatBudget(f),
    verdict(f),
    f.note ?? '',
  ]);
  const head = ['figure', 'value', 'budget', 'pass/miss', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (i === 4 ? 0 : r[i]!.length))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 4 ? c : i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
