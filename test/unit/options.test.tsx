// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import axe from 'axe-core';
import ICAL from 'ical.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildBackup, parseBackup } from '../../src/core/export.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/schemas.ts';
import { Options, type OptionsActions, type OptionsData } from '../../src/options/Options.tsx';
import { readSettings, settingsValues } from '../../src/options/settings-form.ts';
import { I18nProvider } from '../../src/ui/i18n.tsx';
import { NOW, attempt, earning, record, renderUi, t } from './ui-records.tsx';

afterEach(cleanup);

function setup(data: Partial<OptionsData> = {}, actions: Partial<OptionsActions> = {}) {
  const all: OptionsActions = {
    saveSettings: vi.fn(async () => null),
    importBackup: vi.fn(async () => null),
    restoreQuarantined: vi.fn(async () => null),
    deleteQuarantined: vi.fn(async () => null),
    clearAll: vi.fn(async () => null),
    download: vi.fn(),
    ...actions,
  };
  const full: OptionsData = {
    promotions: [],
    attempts: [],
    settings: DEFAULT_SETTINGS,
    quarantine: [],
    now: NOW,
    systemTimeZone: 'Europe/Berlin',
    ...data,
  };
  const { container } = renderUi(<Options data={full} actions={all} />);
  return { actions: all, container, data: full };
}

async function violations(container: Element) {
  // No layout in a DOM emulator, so contrast cannot be measured there; every other rule runs.
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

function chooseFile(text: string) {
  const input = screen.getByLabelText('Backup file') as HTMLInputElement;
  const file = new File([text], 'backup.json', { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

describe('settings', () => {
  it('reads thresholds, quiet hours and zone into Settings, and refuses what Settings refuses', () => {
    const ok = readSettings({
      reminderDays: '1, 7 3,7',
      quiet: true,
      quietStart: '22:00',
      quietEnd: '07:30',
      timeZone: 'Asia/Tokyo',
    });
    expect(ok).toEqual({
      ok: true,
      settings: {
        reminderDays: [7, 3, 1],
        quietHours: { start: '22:00', end: '07:30' },
        timeZone: 'Asia/Tokyo',
      },
    });
    expect(readSettings({ ...settingsValues(DEFAULT_SETTINGS), reminderDays: '7, soon' })).toMatchObject({
      ok: false,
      errors: { reminderDays: 'options_errReminderDays' },
    });
    expect(readSettings({ ...settingsValues(DEFAULT_SETTINGS), reminderDays: '91' }).ok).toBe(false);
    expect(readSettings({ ...settingsValues(DEFAULT_SETTINGS), timeZone: 'Mars/Olympus' }).ok).toBe(false);
    expect(
      readSettings({
        ...settingsValues(DEFAULT_SETTINGS),
        quiet: true,
        quietStart: '08:00',
        quietEnd: '08:00',
      }),
    ).toMatchObject({ ok: false, errors: { quietEnd: 'options_errQuietSame' } });
    expect(readSettings(settingsValues(DEFAULT_SETTINGS))).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });

  it('saves through the action; the zone defaults to the system one and lists every IANA zone', async () => {
    const { actions, container } = setup();
    const zone = screen.getByLabelText('Time zone for deadlines') as HTMLSelectElement;
    expect(zone.options[0]!.textContent).toBe('System (Europe/Berlin)');
    expect(zone.options.length).toBe(Intl.supportedValuesOf('timeZone').length + 1);
    fireEvent.change(zone, { target: { value: 'America/Sao_Paulo' } });
    fireEvent.input(screen.getByLabelText('Remind me this many days before a deadline'), {
      target: { value: '5, 2' },
    });
    fireEvent.click(screen.getByRole('checkbox', { name: 'No notifications during quiet hours' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(actions.saveSettings).toHaveBeenCalled());
    expect(vi.mocked(actions.saveSettings).mock.calls[0]![0]).toEqual<Settings>({
      reminderDays: [5, 2],
      quietHours: { start: '22:00', end: '08:00' },
      timeZone: 'America/Sao_Paulo',
    });
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect(await violations(container)).toEqual([]);
  });

  it('an invalid threshold is marked beside its field and nothing is saved', () => {
    const { actions } = setup();
    const days = screen.getByLabelText('Remind me this many days before a deadline');
    fireEvent.input(days, { target: { value: 'tomorrow' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(actions.saveSettings).not.toHaveBeenCalled();
    expect(days.getAttribute('aria-invalid')).toBe('true');
    const described = days
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => document.getElementById(id)!.textContent);
    expect(described).toContain('Enter whole numbers of days from 0 to 90, at most 10 of them.');
  });
});

describe('export', () => {
  it('downloads a backup, a CSV and a calendar that parse back', () => {
    const promotions = [earning({ name: 'Spring, boost; part\\2' }), record({ status: 'used' })];
    const { actions } = setup({ promotions, attempts: [attempt()] });
    fireEvent.click(screen.getByRole('button', { name: 'Download backup (JSON)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Download spreadsheet (CSV)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Download calendar (.ics)' }));
    const calls = vi.mocked(actions.download).mock.calls;
    expect(calls.map(([name, type]) => [name, type])).toEqual([
      ['ad-credit-guide-2026-11-24.json', 'application/json'],
      ['ad-credit-guide-2026-11-24.csv', 'text/csv'],
      ['ad-credit-guide-2026-11-24.ics', 'text/calendar'],
    ]);
    const backup = parseBackup(calls[0]![2]);
    expect(backup.ok && backup.backup.promotions).toEqual(promotions);
    expect(calls[1]![2].split('\r\n')).toHaveLength(4);
    const events = new ICAL.Component(ICAL.parse(calls[2]![2])).getAllSubcomponents('vevent');
    expect(events.map((e) => new ICAL.Event(e).summary)).toEqual([
      'Minimum spend deadline: Spring, boost; part\\2',
    ]);
  });
});

describe('import', () => {
  const kept = earning({ name: 'Kept' });
  const current = { promotions: [kept], attempts: [], settings: DEFAULT_SETTINGS };

  it('conflicts: shows what will be added and replaced, and imports only on confirmation', async () => {
    const changed = { ...kept, status: 'processing' as const, metOn: '2026-11-23' };
    const added = record({ name: 'Brand new' });
    const text = buildBackup(
      { promotions: [changed, added], attempts: [attempt()], settings: DEFAULT_SETTINGS },
      NOW,
    );
    const { actions, container } = setup(current);
    chooseFile(text);
    const plan = await screen.findByRole('heading', { name: 'What the import will do' });
    const region = plan.parentElement!;
    expect(region.textContent).toContain('Add 1, replace 1, leave 0 unchanged; 1 redeem attempts added.');
    expect(within(region).getByText(/^Brand new/)).toBeTruthy();
    expect(within(region).getByText('status: earning → processing')).toBeTruthy();
    expect(within(region).getByText('metOn: — → 2026-11-23')).toBeTruthy();
    expect(actions.importBackup).not.toHaveBeenCalled();
    expect(await violations(container)).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Import and replace 1' }));
    await waitFor(() => expect(actions.importBackup).toHaveBeenCalledTimes(1));
    expect(vi.mocked(actions.importBackup).mock.calls[0]![0].promotions).toEqual([changed, added]);
    expect(await screen.findByText('Backup imported.')).toBeTruthy();
  });

  it('a renamed promotion is listed under the name it has now, each value old → new', async () => {
    const renamed = { ...kept, name: 'New name', terms: { ...kept.terms, amount: 75 } };
    setup(current);
    chooseFile(buildBackup({ ...current, promotions: [renamed] }, NOW));
    const region = (await screen.findByRole('heading', { name: 'What the import will do' })).parentElement!;
    expect(within(region).getByText(/^Kept \(/)).toBeTruthy();
    expect(within(region).getByText('Name (optional): Kept → New name')).toBeTruthy();
    expect(within(region).getByText(`Credit amount: ${kept.terms.amount} → 75`)).toBeTruthy();
  });

  it("takes settings field by field: a default is taken, a setting of the user's own only when ticked", async () => {
    const mine: Settings = { ...DEFAULT_SETTINGS, reminderDays: [5] };
    const backup: Settings = { ...DEFAULT_SETTINGS, reminderDays: [2], timeZone: 'Asia/Tokyo' };
    const { actions } = setup({ ...current, settings: mine });
    chooseFile(buildBackup({ ...current, settings: backup }, NOW));
    const days = (await screen.findByLabelText(
      'Remind me this many days before a deadline: 5 → 2',
    )) as HTMLInputElement;
    const zone = screen.getByLabelText('Time zone for deadlines: — → Asia/Tokyo') as HTMLInputElement;
    expect([days.checked, zone.checked]).toEqual([false, true]);
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(actions.importBackup).toHaveBeenCalledTimes(1));
    expect(vi.mocked(actions.importBackup).mock.calls[0]![0].settings).toEqual({
      ...mine,
      timeZone: 'Asia/Tokyo',
    });
  });

  it('cancel leaves everything as it was', async () => {
    const { actions } = setup(current);
    chooseFile(buildBackup({ ...current, promotions: [record()] }, NOW));
    fireEvent.click(await screen.findByRole('button', { name: 'Import' }));
    await waitFor(() => expect(actions.importBackup).toHaveBeenCalledTimes(1));
    chooseFile(buildBackup({ ...current, promotions: [record()] }, NOW));
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('heading', { name: 'What the import will do' })).toBeNull();
    expect(actions.importBackup).toHaveBeenCalledTimes(1);
  });

  it('an invalid file says why and offers nothing to import', async () => {
    const { actions } = setup(current);
    const json = JSON.parse(buildBackup(current, NOW));
    json.promotions[0].observations[0].spent = -5;
    chooseFile(JSON.stringify(json));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This file cannot be imported; nothing was changed.');
    expect(alert.textContent).toContain('promotions.0.observations.0.spent');
    chooseFile('not json');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('The file is not JSON.'));
    expect(screen.queryByRole('button', { name: /^Import/ })).toBeNull();
    expect(actions.importBackup).not.toHaveBeenCalled();
  });

  it('the same backup again has nothing to do', async () => {
    setup(current);
    chooseFile(buildBackup(current, NOW));
    const button = (await screen.findByRole('button', { name: 'Import' })) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
  });
});

describe('quarantine and clearing', () => {
  const quarantine = [
    {
      id: 'q1',
      key: 'promotions/7000000000001/abc',
      reason: 'terms.amount: expected number',
      at: NOW.toISOString(),
      raw: { id: 'abc' },
    },
  ];

  it('lists set-aside records with restore and delete', async () => {
    const { actions, container } = setup({ quarantine });
    const region = screen.getByRole('region', { name: 'Set-aside records' });
    expect(within(region).getByText('promotions/7000000000001/abc')).toBeTruthy();
    expect(within(region).getByText('terms.amount: expected number')).toBeTruthy();
    fireEvent.click(within(region).getByRole('button', { name: 'Restore' }));
    fireEvent.click(within(region).getByRole('button', { name: 'Delete' }));
    expect(actions.restoreQuarantined).toHaveBeenCalledWith('q1');
    expect(actions.deleteQuarantined).toHaveBeenCalledWith('q1');
    expect(await violations(container)).toEqual([]);
  });

  it('says so when nothing is set aside', () => {
    setup();
    expect(screen.getByText('Nothing set aside: every stored record is valid.')).toBeTruthy();
  });

  it('clears all data only after confirmation', async () => {
    const { actions } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Clear all data…' }));
    expect(actions.clearAll).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Clear all data…' }));
    const confirm = screen.getByRole('button', { name: 'Yes, delete everything' });
    expect(document.activeElement).toBe(confirm);
    fireEvent.click(confirm);
    await waitFor(() => expect(actions.clearAll).toHaveBeenCalledTimes(1));
    expect(await screen.findByText('All data cleared.')).toBeTruthy();
  });

  it('after "Clear all data" the settings form shows the settings now kept, not the old ones', () => {
    const mine: Settings = { ...DEFAULT_SETTINGS, reminderDays: [5, 2] };
    const actions = {
      saveSettings: vi.fn(async () => null),
      importBackup: vi.fn(async () => null),
      restoreQuarantined: vi.fn(async () => null),
      deleteQuarantined: vi.fn(async () => null),
      clearAll: vi.fn(async () => null),
      download: vi.fn(),
    };
    const data: OptionsData = {
      promotions: [],
      attempts: [],
      settings: mine,
      quarantine: [],
      now: NOW,
      systemTimeZone: 'UTC',
    };
    const { rerender } = renderUi(<Options data={data} actions={actions} />);
    const field = () =>
      screen.getByLabelText('Remind me this many days before a deadline') as HTMLInputElement;
    expect(field().value).toBe('5, 2');
    rerender(
      <I18nProvider value={{ t, locale: 'en', timeZone: 'UTC' }}>
        <Options data={{ ...data, settings: DEFAULT_SETTINGS }} actions={actions} />
      </I18nProvider>,
    );
    expect(field().value).toBe('7, 3, 1');
  });

  it('a failed action is reported', async () => {
    setup({}, { clearAll: vi.fn(async () => 'Storage is not available.') });
    fireEvent.click(screen.getByRole('button', { name: 'Clear all data…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete everything' }));
    expect(await screen.findByText('Storage is not available.')).toBeTruthy();
  });
});
