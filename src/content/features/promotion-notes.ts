// Beside each earning promotion on the promotions list: progress toward the minimum spend, days left and
// the pace, from the terms the extension keeps. Drawn in our layer over the row's edge and transparent to
// the pointer, so the page's own layout and clicks stay as they were.
import { countKey, localeOf } from '../../core/i18n.ts';
import type { Pace } from '../../core/progress.ts';
import type { PromotionRecord } from '../../core/schemas.ts';
import { builder, keyed, setChildren, setText } from '../dom.ts';
import { follow } from '../follow.ts';
import { visibleBox, type Box } from '../geometry.ts';
import type { ContentDeps, Feature, PageState, ProgressView, Translate } from '../types.ts';

export interface Note {
  row: Element;
  name: string;
  /** Worked out when the note is drawn, once a redraw: most rows of a long list are never in view. */
  progress(): ProgressView;
}

/**
 * The notes of the last redraw, by row, kept for the next: a long list's rows are the same elements from
 * read to read, so a redraw makes notes only for rows that are new or now name another kept promotion,
 * not thousands of them each time. Progress is of each redraw's own moment.
 */
export interface NotesMemo {
  rows: Map<Element, Note & { record: PromotionRecord }>;
  /** The last redraw's progress of a kept promotion; set by notesFor before any note is made. */
  progress: ((record: PromotionRecord) => ProgressView) | null;
  /** The kept promotions with terms by name, for the list of them the worker last answered with. */
  kept: { from: readonly PromotionRecord[]; byName: Map<string | null, PromotionRecord> } | null;
}

export const newNotesMemo = (): NotesMemo => ({ rows: new Map(), progress: null, kept: null });

/** The earning rows of the list that the extension keeps terms for, with their progress. */
export function notesFor(
  s: PageState | null,
  deps: Pick<ContentDeps, 'progress' | 'now'>,
  memo: NotesMemo = newNotesMemo(),
): Note[] {
  const rows = memo.rows;
  memo.rows = new Map();
  if (!s || s.snapshot.view !== 'promotions' || s.timeZone === null) return [];
  const { timeZone } = s;
  const now = deps.now();
  const worked = new Map<PromotionRecord, ProgressView>();
  memo.progress = (record) => {
    let progress = worked.get(record);
    if (progress === undefined) worked.set(record, (progress = deps.progress(record, now, timeZone)));
    return progress;
  };
  // Looked up by name once each: a long list would otherwise cost rows × promotions comparisons.
  const onPage = firstByName(s.snapshot.promotions);
  if (memo.kept?.from !== s.kept)
    memo.kept = { from: s.kept, byName: firstByName(s.kept.filter((k) => !k.termsNeeded)) };
  const records = memo.kept.byName;
  const notes: Note[] = [];
  for (const { row, name } of s.targets.promotionRows) {
    if (name === null || onPage.get(name)?.status !== 'earning') continue;
    const record = records.get(name);
    if (!record) continue;
    let note = rows.get(row);
    if (note?.name !== name || note.record !== record)
      note = { row, name, record, progress: () => memo.progress!(record) };
    memo.rows.set(row, note);
    notes.push(note);
  }
  return notes;
}

function firstByName<T extends { name: string | null }>(items: readonly T[]): Map<string | null, T> {
  const map = new Map<string | null, T>();
  for (const item of items) if (!map.has(item.name)) map.set(item.name, item);
  return map;
}

const PACE_KEY: Record<Pace, string> = {
  'on-track': 'overlay_paceOnTrack',
  'at-risk': 'overlay_paceAtRisk',
  'cannot-make-it': 'overlay_paceCannot',
};

/** "40% of the minimum · 16 days left · at risk", leaving out what the terms cannot tell. */
export function noteText(t: Translate, p: ProgressView): string {
  const parts: string[] = [];
  if (p.fraction !== null) parts.push(t('overlay_noteProgress', [Math.floor(p.fraction * 100)]));
  if (p.daysToSpendDeadline !== null) {
    parts.push(
      p.daysToSpendDeadline >= 0
        ? t(countKey('overlay_noteDaysLeft', p.daysToSpendDeadline, localeOf(t)), [p.daysToSpendDeadline])
        : t('overlay_noteDeadlinePassed'),
    );
  }
  if (p.pace) parts.push(t(PACE_KEY[p.pace]));
  return parts.join(' · ');
}

export interface InView {
  note: Note;
  box: Box;
}

/**
 * The notes whose rows are in view, with their boxes. The rows of a list stand top to bottom in page
 * order, so the first one in view is found by halving: a few layout reads per frame, not one per row.
 */
export function notesInView(notes: readonly Note[], viewportHeight: number): InView[] {
  const bottomOf = (i: number) => {
    const r = notes[i]!.row.getBoundingClientRect();
    return r.top + r.height;
  };
  let lo = 0;
  let hi = notes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (bottomOf(mid) <= 0) lo = mid + 1;
    else hi = mid;
  }
  const shown: InView[] = [];
  for (let i = lo; i < notes.length; i++) {
    const note = notes[i]!;
    const box = visibleBox(note.row);
    if (box && box.top >= viewportHeight) break;
    if (box) shown.push({ note, box });
  }
  return shown;
}

export const promotionNotes: Feature = {
  name: 'promotion-notes',
  init(signal, { win, deps, layer, state }) {
    const root = layer.mount();
    const el = builder(win.document);
    // One note per promotion, kept while its row stays in view: scrolling moves it rather than redrawing it.
    const drawn = keyed(
      ({ note }: InView) => note.name,
      ({ note }) => {
        const p = el('p', { 'data-part': 'note', 'aria-label': deps.t('overlay_noteLabel', [note.name]) });
        return {
          node: p,
          update({ note, box }) {
            p.style.left = `${box.left + box.width}px`;
            p.style.top = `${box.top}px`;
            setText(p, noteText(deps.t, note.progress()));
          },
        };
      },
    );
    let notes: Note[] = [];
    const memo = newNotesMemo();
    const follower = follow(win, deps.schedule, signal, () => {
      const shown = notesInView(notes, win.innerHeight);
      // Only rows in view are watched for size changes; scrolling brings the others in.
      follower.observe(shown.map(({ note }) => note.row));
      setChildren(root, drawn(shown));
    });
    state.subscribe((s) => {
      notes = notesFor(s, deps, memo);
      follower.request();
    }, signal);
    signal.addEventListener('abort', () => root.remove());
  },
};
