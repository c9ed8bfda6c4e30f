// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { progressOfRecord, type Progress } from '../../src/core/progress.ts';
import type { PromotionRecord } from '../../src/core/schemas.ts';
import { DaysLeft } from '../../src/ui/DaysLeft.tsx';
import { I18nProvider } from '../../src/ui/i18n.tsx';
import { lazyPart } from '../../src/ui/lazy.tsx';
import { ProgressBar } from '../../src/ui/ProgressBar.tsx';
import { PromotionCard } from '../../src/ui/PromotionCard.tsx';
import { FIRST_PAINT, PAGE_SIZE, PromotionList } from '../../src/ui/PromotionList.tsx';
import { byUrgency, nextAction, type Item } from '../../src/core/urgency.ts';
import { SpendChart } from '../../src/ui/SpendChart.tsx';
import { NOW, earning, record, renderUi, t } from './ui-records.tsx';

afterEach(cleanup);

const item = (r: PromotionRecord): Item => ({ record: r, progress: progressOfRecord(r, NOW, 'UTC') });
const withProgress = (r: PromotionRecord, p: Partial<Progress>): Item => ({
  record: r,
  progress: { ...progressOfRecord(r, NOW, 'UTC'), ...p },
});
const noop = { openBilling: vi.fn(), edit: vi.fn(), add: vi.fn(), snooze: vi.fn() };

describe('urgency', () => {
  it('overdue credit, a pace that cannot make it and a retryable code come before a nearer deadline on track', () => {
    // Spend deadline in 2 days, $4 left at $4 a day: on track.
    const soon = item(
      earning({
        name: 'soon',
        activatedOn: '2026-10-27',
        observations: [
          { at: '2026-11-20T12:00:00.000Z', spent: 30 },
          { at: '2026-11-24T11:00:00.000Z', spent: 46 },
        ],
      }),
    );
    expect(soon.progress.pace).toBe('on-track');
    const overdue = item(
      record({ name: 'overdue', status: 'processing', metOn: '2026-11-10', terms: { creditArrivalDays: 7 } }),
    );
    const risky = withProgress(earning({ name: 'risky' }), { pace: 'at-risk' });
    const refused = item(
      record({
        name: 'refused',
        status: 'rejected',
        receivedOn: '2026-11-20',
        terms: { activateWithinDays: 14 },
      }),
    );
    const done = item(record({ name: 'done', status: 'used' }));
    const later = item(earning({ name: 'later' }));
    expect(overdue.progress.creditOverdue).toBe(true);
    const order = byUrgency([done, later, soon, refused, risky, overdue]).map((i) => i.record.name);
    expect(order).toEqual(['overdue', 'refused', 'risky', 'soon', 'later', 'done']);
  });

  it('within a tier the closest deadline wins, unknown deadlines last', () => {
    const a = item(earning({ name: 'a', activatedOn: '2026-11-20' }));
    const b = item(earning({ name: 'b', activatedOn: '2026-11-01' }));
    const c = item(
      record({ name: 'c', activatedOn: null, status: 'activated', terms: { spendWindowDays: null } }),
    );
    expect(byUrgency([c, a, b]).map((i) => i.record.name)).toEqual(['b', 'a', 'c']);
  });

  it('says what to do next in each state', () => {
    expect(nextAction(item(earning()))).toBe('spend');
    expect(nextAction(item(record({ termsNeeded: true })))).toBe('paste-terms');
    expect(
      nextAction(item(record({ status: 'received', activatedOn: null, receivedOn: '2026-11-20' }))),
    ).toBe('activate');
    expect(
      nextAction(
        item(
          record({ status: 'available', type: 'assignable', assigned: false, creditIssuedOn: '2026-11-20' }),
        ),
      ),
    ).toBe('assign');
    expect(nextAction(item(record({ status: 'used' })))).toBe('all-used');
    expect(nextAction(item(record({ status: 'missed' })))).toBe('ask-support');
    expect(nextAction(item(record({ status: 'expired' })))).toBe('ended');
    expect(nextAction(item(record({ type: 'free', status: 'activated', terms: { minSpend: null } })))).toBe(
      'see-credit',
    );
  });
});

describe('lazyPart', () => {
  const Greeting = (props: { name: string }) => <p>Hello {props.name}</p>;

  it('says politely that it is loading, then shows the part with its props', async () => {
    const Part = lazyPart(async () => Greeting);
    renderUi(<Part name="Ada" />);
    const status = screen.getByRole('status');
    expect(status.getAttribute('aria-busy')).toBe('true');
    expect(status.textContent).toBe('Loading…');
    expect(await screen.findByText('Hello Ada')).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('a failed import is reported, and another try can load it', async () => {
    const load = vi
      .fn<() => Promise<typeof Greeting>>()
      .mockRejectedValueOnce(new Error('Failed to fetch dynamically imported module'))
      .mockResolvedValueOnce(Greeting);
    const Part = lazyPart(load);
    renderUi(<Part name="Ada" />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'This part of the extension could not be loaded: Failed to fetch dynamically imported module',
    );
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Hello Ada')).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe('ProgressBar', () => {
  it('exposes its value to assistive technology', () => {
    renderUi(<ProgressBar fraction={0.561} label="Spend" valueText="$28 of $50" />);
    const bar = screen.getByRole('progressbar', { name: 'Spend' });
    expect(bar.getAttribute('aria-valuenow')).toBe('56');
    expect(bar.getAttribute('aria-valuemin')).toBe('0');
    expect(bar.getAttribute('aria-valuemax')).toBe('100');
    expect(bar.getAttribute('aria-valuetext')).toBe('$28 of $50');
  });

  it('never draws past full', () => {
    const { container } = renderUi(<ProgressBar fraction={3} label="x" valueText="y" />);
    expect((container.querySelector('.progress-fill') as HTMLElement).style.width).toBe('100%');
  });
});

describe('DaysLeft', () => {
  it('shows the date itself beside the days left, not only on hover', () => {
    renderUi(<DaysLeft label="Spend deadline" days={3} date="2026-11-27" />);
    const el = screen.getByText('Spend deadline').parentElement!;
    expect(el.textContent).toBe('Spend deadline in 3 days · Nov 27, 2026');
    expect(el.querySelector('[role="tooltip"]')).toBeNull();
  });

  it('speaks the user language', () => {
    renderUi(<DaysLeft label="x" days={1} date="2026-11-25" />, 'de');
    expect(screen.getByText('morgen')).toBeTruthy();
  });
});

describe('PromotionCard', () => {
  it('shows amount, status, spend progress, deadlines, pace and the next step', async () => {
    const it = item(earning({ name: 'Holiday boost' }));
    const openBilling = vi.fn();
    renderUi(<PromotionCard item={it} actions={{ ...noop, openBilling }} />);
    const card = screen.getByRole('article', { name: 'Holiday boost' });
    const q = within(card);
    expect(card.querySelector('.card-amount')!.textContent).toBe('$50.00');
    expect(q.getByText('Earning')).toBeTruthy();
    expect(q.getByRole('progressbar').getAttribute('aria-valuetext')).toBe('$28.00 of $50.00 spent (56%)');
    expect(q.getByText('$28.00 of $50.00 spent')).toBeTruthy();
    expect(card.textContent).toContain('in 16 days');
    expect(q.getByText(/Spend \$1\.29 a day/)).toBeTruthy();
    expect(q.getByText(/At this pace: met on/)).toBeTruthy();
    // The chart loads after the first cards (PromotionCard.tsx SpendChart).
    expect((await q.findByRole('img')).getAttribute('aria-label')).toMatch(/^Spend over time: \$28\.00/);
    fireEvent.click(q.getByRole('button', { name: 'Open Payment' }));
    expect(openBilling).toHaveBeenCalledWith('7000000000001');
  });

  it('names the account as its pages do, with the id for screen readers and the tooltip', () => {
    renderUi(
      <PromotionCard
        item={item(earning({ name: 'Named', accountName: 'Northwind Outdoor Co.' }))}
        actions={noop}
      />,
    );
    const account = screen.getByRole('article', { name: 'Named' }).querySelector('.card-account')!;
    expect(account.querySelector('[aria-hidden="true"]')!.textContent).toBe(
      'Ad account Northwind Outdoor Co.',
    );
    expect(account.querySelector('.visually-hidden')!.textContent).toBe(
      'Ad account Northwind Outdoor Co., ID 7000000000001',
    );
    expect(account.querySelector('[title]')!.getAttribute('title')).toBe(
      'Ad account Northwind Outdoor Co., ID 7000000000001',
    );
    cleanup();
    renderUi(<PromotionCard item={item(earning({ name: 'Unnamed' }))} actions={noop} />);
    const bare = screen.getByRole('article', { name: 'Unnamed' }).querySelector('.card-account')!;
    expect(bare.textContent).toMatch(/^Ad account 7000000000001/);
  });

  it('asks for the terms when they are unknown', () => {
    const edit = vi.fn();
    const it = item(record({ termsNeeded: true, terms: { amount: null, minSpend: null } }));
    renderUi(<PromotionCard item={it} actions={{ ...noop, edit }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Paste the terms' }));
    expect(edit).toHaveBeenCalledWith(it);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('calls a just-redeemed code with unknown terms activated, terms unknown, never available', () => {
    const redeemed = item(
      record({
        status: 'activated',
        type: 'unknown',
        termsNeeded: true,
        terms: { amount: null, minSpend: null },
      }),
    );
    renderUi(<PromotionCard item={redeemed} actions={{ ...noop }} />);
    expect(screen.getByText('Activated – terms unknown')).toBeTruthy();
    expect(screen.queryByText('Available')).toBeNull();
  });

  it('calls an imported card with unknown terms activated, terms unknown', () => {
    const imported = item(
      record({
        name: 'Imported',
        status: 'activated',
        type: 'unknown',
        termsNeeded: false,
        terms: { amount: 50, minSpend: null },
      }),
    );
    expect(imported.progress.status).toBe('activated');
    renderUi(<PromotionCard item={imported} actions={{ ...noop }} />);
    expect(
      within(screen.getByRole('article', { name: 'Imported' })).getByText('Activated – terms unknown'),
    ).toBeTruthy();
  });

  it('tells issued credit as credit left and used, not as spend', () => {
    const it = item(
      record({
        name: 'Issued',
        status: 'available',
        creditIssuedOn: '2026-11-20',
        unused: 30,
        metOn: '2026-11-18',
      }),
    );
    renderUi(<PromotionCard item={it} actions={{ ...noop }} />);
    const card = screen.getByRole('article', { name: 'Issued' });
    expect(card.textContent).toContain('$30.00 of $50.00 credit left · $20.00 used');
    expect(card.textContent).not.toContain('spent');
    expect(within(card).getByRole('progressbar', { name: 'Credit left' }).getAttribute('aria-valuenow')).toBe(
      '60',
    );
  });

  it('shows a stall as no spend since its day', () => {
    const it = item(
      earning({
        name: 'Stalled',
        observations: [
          { at: '2026-11-12T12:00:00.000Z', spent: 12 },
          { at: '2026-11-24T08:00:00.000Z', spent: 12 },
        ],
      }),
    );
    renderUi(<PromotionCard item={it} actions={{ ...noop }} />);
    const card = screen.getByRole('article', { name: 'Stalled' });
    expect(card.textContent).toContain('No spend since Nov 12, 2026');
    expect(card.textContent).not.toContain('At this pace');
  });

  it('ends a missed promotion with a support message to copy', async () => {
    const writeText = vi.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const it = item(
      record({
        name: 'Missed one',
        code: 'TTADS-500FF',
        activatedOn: '2026-10-01',
        terms: { spendWindowDays: 30 },
        observations: [{ at: '2026-10-20T12:00:00.000Z', spent: 12 }],
      }),
    );
    expect(it.progress.status).toBe('missed');
    renderUi(<PromotionCard item={it} actions={{ ...noop }} />);
    const card = screen.getByRole('article', { name: 'Missed one' });
    expect(card.textContent).toContain('send TikTok Ads support the message below');
    const message = (within(card).getByLabelText('Message for TikTok Ads support') as HTMLTextAreaElement)
      .value;
    expect(message).toContain('Promotion code: TTADS-500FF');
    expect(message).toContain('Ad account: 7000000000001');
    expect(message).toContain('Spend deadline: Oct 31, 2026');
    expect(message).toContain('Offer: $50.00 in ad credit after spending $50.00');
    expect(message).toContain('$12.00');
    fireEvent.click(within(card).getByRole('button', { name: 'Copy message' }));
    await waitFor(() => expect(within(card).getByRole('button', { name: 'Copied' })).toBeTruthy());
    expect(writeText).toHaveBeenCalledWith(message);
  });

  it('marks credit that should have arrived', () => {
    const it = item(record({ status: 'processing', metOn: '2026-11-10', terms: { creditArrivalDays: 7 } }));
    renderUi(<PromotionCard item={it} actions={{ ...noop }} />);
    expect(screen.getByText(/Credit overdue since Nov 17, 2026/)).toBeTruthy();
    expect(screen.getByText(/should have appeared by now/)).toBeTruthy();
  });

  it('shows only the deadlines still ahead of the current step, and no pace once the minimum is met', () => {
    const it = item(
      record({
        status: 'available',
        metOn: '2026-11-12',
        creditIssuedOn: '2026-11-14',
        terms: { spendWindowDays: 30, activateWithinDays: 14, creditValidityDays: 90 },
      }),
    );
    renderUi(<PromotionCard item={it} actions={{ ...noop }} />);
    expect(screen.queryByText('Activate')).toBeNull();
    expect(screen.queryByText('Spend deadline')).toBeNull();
    expect(screen.getByText('Credit expires').parentElement!.textContent).toContain('in 80 days');
    expect(screen.queryByText(/At this pace/)).toBeNull();
  });

  it('snoozes reminders for a day, then says until when', () => {
    const snooze = vi.fn();
    const it = item(earning({ name: 'Loud' }));
    renderUi(<PromotionCard item={it} actions={{ ...noop, snooze }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Snooze reminders for a day' }));
    expect(snooze).toHaveBeenCalledWith(it);
    cleanup();
    renderUi(<PromotionCard item={{ ...it, snoozedUntil: '2026-11-25T12:00:00.000Z' }} actions={noop} />);
    expect(screen.queryByRole('button', { name: 'Snooze reminders for a day' })).toBeNull();
    expect(screen.getByText('Reminders paused until Nov 25, 2026, 12:00 PM')).toBeTruthy();
  });

  it('formats amounts for the locale and the account currency', () => {
    const it = item(earning({ terms: { currency: 'JPY', amount: 10000, minSpend: 10000 } }));
    renderUi(<PromotionCard item={it} actions={{ ...noop }} />, 'ja');
    expect(document.querySelector('.card-amount')!.textContent).toBe('￥10,000');
  });
});

describe('SpendChart', () => {
  const renderChart = () =>
    renderUi(
      <SpendChart
        observations={earning().observations}
        minSpend={50}
        currency="USD"
        start="2026-11-10"
        deadline="2026-12-10"
        today="2026-11-24"
      />,
    );

  it('draws the spend line, the goal and the even pace', () => {
    const { container } = renderChart();
    const points = container.querySelector('polyline')!.getAttribute('points')!.split(' ');
    expect(points).toHaveLength(3);
    expect(container.querySelector('.chart-goal')).toBeTruthy();
    expect(container.querySelector('.chart-pace')).toBeTruthy();
  });

  it('has axes with their dates and amounts, a legend, a today marker and a text equivalent', () => {
    const { container } = renderChart();
    const ticks = [...container.querySelectorAll('.chart-tick')].map((e) => e.textContent);
    expect(ticks).toEqual(['$0.00', '$50.00', 'Nov 10, 2026', 'Dec 10, 2026']);
    expect(container.querySelectorAll('.chart-axes line')).toHaveLength(2);
    const legend = [...container.querySelectorAll('.chart-legend li')].map((e) => e.textContent);
    expect(legend).toEqual(['Spent so far', 'Minimum: $50.00', 'Even pace to the deadline', 'Today']);
    // Today (Nov 24) sits between the window's start (Nov 10) and its end (the end of Dec 10).
    const today = Number(container.querySelector('.chart-today')!.getAttribute('x1'));
    const [x0, x1] = [...container.querySelectorAll('.chart-axes line')].map((l) =>
      Number(l.getAttribute('x1')),
    );
    expect(today).toBeGreaterThan(x0!);
    expect(Number(container.querySelector('.chart-axes line + line')!.getAttribute('x2'))).toBeGreaterThan(
      today,
    );
    expect(x1).toBe(x0);
    const svg = container.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toMatch(/^Spend over time: \$\d/);
  });

  it('leaves today out when it is outside the spend window', () => {
    const r = earning();
    const { container } = renderUi(
      <SpendChart
        observations={r.observations}
        minSpend={50}
        currency="USD"
        start="2026-11-10"
        deadline="2026-12-10"
        today="2027-02-01"
      />,
    );
    expect(container.querySelector('.chart-today')).toBeNull();
    expect(container.textContent).not.toContain('Today');
  });

  it('draws nothing without readings', () => {
    const { container } = renderUi(
      <SpendChart
        observations={[]}
        minSpend={50}
        currency="USD"
        start={null}
        deadline={null}
        today="2026-11-24"
      />,
    );
    expect(container.querySelector('svg')).toBeNull();
  });
});

describe('PromotionList', () => {
  it('teaches when empty', () => {
    const add = vi.fn();
    const openBilling = vi.fn();
    renderUi(<PromotionList items={[]} actions={{ ...noop, add, openBilling }} />);
    expect(screen.getByRole('heading', { name: 'No promotions yet' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add a code by hand' }));
    fireEvent.click(screen.getByRole('button', { name: 'Open Payment' }));
    expect(add).toHaveBeenCalled();
    expect(openBilling).toHaveBeenCalledWith(null);
  });

  it('one account: no filter', () => {
    renderUi(<PromotionList items={[item(earning()), item(record())]} actions={noop} />);
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.getAllByRole('article')).toHaveLength(2);
  });

  it('many accounts: filters by account', () => {
    const items = [
      item(earning({ accountId: '111111' })),
      item(earning({ accountId: '222222', accountName: 'Northwind Retail' })),
      item(record({ accountId: '222222' })),
      item(record({ accountId: null })),
    ];
    renderUi(<PromotionList items={items} actions={noop} />);
    const select = screen.getByRole('combobox', { name: 'Ad account' }) as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'All accounts (3)',
      'unknown account',
      '111111',
      'Northwind Retail (222222)',
    ]);
    fireEvent.change(select, { target: { value: '222222' } });
    expect(screen.getAllByRole('article')).toHaveLength(2);
    expect(screen.getAllByText(/^Ad account (222222|Northwind Retail$)/)).toHaveLength(2);
  });
  it('paints the most urgent cards first, and the rest of the first page right after', async () => {
    const items = Array.from({ length: 120 }, (_, i) => item(earning({ name: `Promotion ${i}` })));
    const host = document.body.appendChild(document.createElement('div'));
    // Preact's own render, not the testing library's: that one runs effects before returning.
    render(
      <I18nProvider value={{ t, locale: 'en', timeZone: 'UTC' }}>
        <PromotionList items={items} actions={noop} />
      </I18nProvider>,
      host,
    );
    expect(host.querySelectorAll('article')).toHaveLength(FIRST_PAINT);
    expect(host.querySelector('.list > .actions')).toBeNull();
    await waitFor(() => expect(host.querySelectorAll('article')).toHaveLength(PAGE_SIZE));
    expect(host.querySelector('.list > .actions > button')!.textContent).toBe('Show 50 more (70 not shown)');
    render(null, host);
    host.remove();
  });
});
