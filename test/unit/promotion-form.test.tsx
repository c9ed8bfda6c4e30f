// @vitest-environment happy-dom
// The add-by-hand form reads pasted offer text once typing pauses, never while a key is being typed,
// and reads a very long paste only up to a limit, saying so. Time is the fake timers' alone.
import { act, cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PromotionTerms } from '../../src/core/schemas.ts';
import { parseTerms } from '../../src/core/terms/index.ts';
import { PromotionForm } from '../../src/ui/PromotionForm.tsx';
import {
  OFFER_READ_DELAY_MS,
  OFFER_READ_LIMIT,
  offerToRead,
  type PromotionDraft,
} from '../../src/ui/promotion-form.ts';
import { renderUi } from './ui-records.tsx';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const OFFER = 'Spend 50 USD within 30 days of activation and get 50 USD in ad credit.';

function setup() {
  const parse = vi.fn((text: string, received: string | null): PromotionTerms =>
    parseTerms(text, { lang: 'en', received }),
  );
  const onSave = vi.fn(async (_draft: PromotionDraft): Promise<string | null> => null);
  renderUi(
    <PromotionForm
      initial={null}
      accounts={[]}
      today="2026-11-24"
      parseTerms={parse}
      onSave={onSave}
      onDelete={null}
      onCancel={() => {}}
    />,
  );
  const offer = screen.getByLabelText('Offer text (paste from the e-mail)') as HTMLTextAreaElement;
  const type = (text: string) => fireEvent.input(offer, { target: { value: text } });
  const field = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value;
  return { parse, onSave, offer, type, field };
}

const pause = () =>
  act(() => {
    vi.advanceTimersByTime(OFFER_READ_DELAY_MS);
  });

describe('the offer text in the add-by-hand form', () => {
  it('is read once typing pauses, from the last text typed', () => {
    const { parse, offer, type, field } = setup();
    for (let i = 1; i <= OFFER.length; i += 7) type(OFFER.slice(0, i));
    type(OFFER);
    // Every keystroke is in the box at once; none of them waited on a reading.
    expect(offer.value).toBe(OFFER);
    expect(parse).not.toHaveBeenCalled();
    expect(field('Minimum spend')).toBe('');
    pause();
    expect(parse).toHaveBeenCalledTimes(1);
    expect(parse.mock.calls[0]![0]).toBe(OFFER);
    expect(field('Minimum spend')).toBe('50');
    expect(field('Days to reach the minimum')).toBe('30');
    expect(screen.getByText(/terms read from the text/)).toBeTruthy();
  });

  it('reads a paste longer than the limit up to the limit, and says so', () => {
    const { parse, offer, type, field } = setup();
    const long = `${OFFER}\n${'Lorem ipsum dolor sit amet. '.repeat(Math.ceil(OFFER_READ_LIMIT / 20))}`;
    expect(long.length).toBeGreaterThan(OFFER_READ_LIMIT);
    type(long);
    expect(offer.value).toBe(long);
    pause();
    expect(parse).toHaveBeenCalledTimes(1);
    expect(parse.mock.calls[0]![0]).toBe(long.slice(0, OFFER_READ_LIMIT));
    expect(field('Minimum spend')).toBe('50');
    const note = screen.getByText(/Only the first 20,000 characters of this text were read/);
    expect(note.getAttribute('aria-live')).toBe('polite');
    // Shortened again below the limit: the note goes.
    type(OFFER);
    pause();
    expect(screen.queryByText(/Only the first/)).toBeNull();
  });

  it('says nothing about a limit for an ordinary offer', () => {
    const { type } = setup();
    type(OFFER);
    pause();
    expect(screen.queryByText(/Only the first/)).toBeNull();
  });

  it('reads text typed just before Save instead of saving without it', async () => {
    const { onSave, type } = setup();
    fireEvent.input(screen.getByLabelText('Code'), { target: { value: 'SPRING50' } });
    fireEvent.input(screen.getByLabelText('Ad account ID'), { target: { value: '7000000000002' } });
    type(OFFER);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    });
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave.mock.calls[0]![0]).toMatchObject({ terms: { minSpend: 50, amount: 50 } });
  });

  it('keeps a term the user changed while the reading was pending', () => {
    const { type, field } = setup();
    type(OFFER);
    fireEvent.input(screen.getByLabelText('Minimum spend'), { target: { value: '75' } });
    pause();
    expect(field('Minimum spend')).toBe('75');
    expect(field('Credit amount')).toBe('50');
  });

  it('cuts only what is over the limit', () => {
    expect(offerToRead('short')).toEqual({ text: 'short', capped: false });
    const exact = 'x'.repeat(OFFER_READ_LIMIT);
    expect(offerToRead(exact)).toEqual({ text: exact, capped: false });
    expect(offerToRead(`${exact}y`)).toEqual({ text: exact, capped: true });
  });
});
