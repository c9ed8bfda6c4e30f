// Beside each earning promotion on the promotions list: progress toward the minimum spend, days left and
// the pace, from the terms the extension keeps. Drawn in our layer over the row's edge and transparent to
// the pointer, so the page's own layout and clicks stay as they were.
import { render } from 'preact';
import type { Pace } from '../../core/progress.ts';
import type { PromotionRecord } from '../../core/schemas.ts';
import { follow } from '../follow.ts';
import { visibleBox } from '../geometry.ts';
import type { ContentDeps, Feature, PageState, ProgressView, Translate } from '../types.ts';

export interface Note {
  row: Element;
  name: string;
  progress: ProgressView;
}

/** The earning rows of the list that the extension keeps terms for, with their progress. */
export function notesFor(s: PageState | null, deps: Pick<ContentDeps, 'progress' | 'now'>): Note[] {
  if (!s || s.snapshot.view !== 'promotions') return [];
  const now = deps.now();
  const notes: Note[] = [];
  for (const { row, name } of s.targets.promotionRows) {
    if (name === null) continue;
    const onPage = s.snapshot.promotions.find((p) => p.name === name);
    if (onPage?.status !== 'earning') continue;
    const record = s.kept.find((k: PromotionRecord) => k.name === name && !k.termsNeeded);
    if (record) notes.push({ row, name, progress: deps.progress(record, now) });
  }
  return notes;
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
        ? t('overlay_noteDaysLeft', [p.daysToSpendDeadline])
        : t('overlay_noteDeadlinePassed'),
    );
  }
  if (p.pace) parts.push(t(PACE_KEY[p.pace]));
  return parts.join(' · ');
}

function NotesView({ t, notes }: { t: Translate; notes: Note[] }) {
  return (
    <>
      {notes.map((note) => {
        const box = visibleBox(note.row);
        if (!box) return null;
        return (
          <p
            key={note.name}
            data-part="note"
            aria-label={t('overlay_noteLabel', [note.name])}
            style={{ left: `${box.left + box.width}px`, top: `${box.top}px` }}
          >
            {noteText(t, note.progress)}
          </p>
        );
      })}
    </>
  );
}

export const promotionNotes: Feature = {
  name: 'promotion-notes',
  init(signal, { win, deps, layer, state }) {
    const root = layer.mount();
    let notes: Note[] = [];
    const follower = follow(win, deps.schedule, signal, () =>
      render(<NotesView t={deps.t} notes={notes} />, root),
    );
    state.subscribe((s) => {
      notes = notesFor(s, deps);
      follower.observe(notes.map((n) => n.row));
      follower.request();
    }, signal);
    signal.addEventListener('abort', () => {
      render(null, root);
      root.remove();
    });
  },
};
