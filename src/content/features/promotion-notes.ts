// Beside each earning promotion on the promotions list: progress toward the minimum spend, days left and
// the pace, from the terms the extension keeps. Drawn in our layer over the row's edge and transparent to
// the pointer, so the page's own layout and clicks stay as they were.
import { countKey, localeOf } from '../../core/i18n.ts';
import type { KeptView } from '../../core/kept-on-page.ts';
import type { Pace } from '../../core/progress.ts';
import { builder, keyed, setChildren, setText } from '../dom.ts';
import { follow } from '../follow.ts';
import { visibleBox, type Box } from '../geometry.ts';
import { keptAt, type Kept } from '../kept.ts';
import type { Feature, PageState, Translate } from '../types.ts';

export interface Note {
  row: Element;
  name: string;
  /** What the worker worked out for the promotion the row names. */
  view: KeptView;
}

/**
 * The kept promotions with terms by name, for the answer they came in: built once per answer. A page
 * redraws on every read and every answer, and the look-up is a map of the whole list (2,000 promotions).
 */
export interface NotesMemo {
  kept: Kept | null;
  byName: Map<string | null, KeptView>;
}

export const newNotesMemo = (): NotesMemo => ({ kept: null, byName: new Map() });

/**
 * The earning rows of the list that the extension keeps terms for, with what the worker said of them.
 * Whether a row is earning is what the read made of that row itself, so two promotions of one name each
 * keep their own status.
 */
export function notesFor(s: PageState | null, memo: NotesMemo = newNotesMemo()): Note[] {
  if (!s || s.snapshot.view !== 'promotions' || s.kept === null) return [];
  if (memo.kept !== s.kept) {
    memo.kept = s.kept;
    memo.byName = new Map();
    for (const v of s.kept.promotions)
      if (!v.termsNeeded && !memo.byName.has(v.name)) memo.byName.set(v.name, v);
  }
  const notes: Note[] = [];
  for (const { row, name, status } of s.targets.promotionRows) {
    const view = name !== null && status === 'earning' && memo.byName.get(name);
    if (view) notes.push({ row, name, view });
  }
  return notes;
}

const PACE_KEY: Record<Pace, string> = {
  'on-track': 'overlay_paceOnTrack',
  'at-risk': 'overlay_paceAtRisk',
  'cannot-make-it': 'overlay_paceCannot',
};

/** "40% of the minimum · 16 days left · at risk", leaving out what the terms cannot tell. */
export function noteText(
  t: Translate,
  p: Pick<KeptView, 'fraction' | 'daysToSpendDeadline' | 'pace'>,
): string {
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
            setText(p, noteText(deps.t, note.view));
          },
        };
      },
    );
    let latest: PageState | null = null;
    // Worked out in the frame that draws them, once per page state: on a long list that is tens of ms on
    // a slow CPU, which the redraw every feature makes when the state changes should not also hold.
    let notes: Note[] | null = [];
    const memo = newNotesMemo();
    const follower = follow(win, deps.schedule, signal, () => {
      const kept = latest?.kept;
      notes ??= notesFor(latest, memo);
      // What the worker said holds until a new day at most: past that, no note rather than yesterday's count.
      const shown = kept && keptAt(kept, deps.now()) ? notesInView(notes, win.innerHeight) : [];
      // Only rows in view are watched for size changes; scrolling brings the others in.
      follower.observe(shown.map(({ note }) => note.row));
      setChildren(root, drawn(shown));
    });
    state.subscribe((s) => {
      latest = s;
      notes = null;
      follower.request();
    }, signal);
    signal.addEventListener('abort', () => root.remove());
  },
};
