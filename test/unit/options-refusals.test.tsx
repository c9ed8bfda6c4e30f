// @vitest-environment happy-dom
// The options page tells the advertiser when the browser refused reminders, since nothing else would.
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/schemas.ts';
import { Options, type OptionsData } from '../../src/options/Options.tsx';
import { NOW, renderUi } from './ui-records.tsx';

afterEach(cleanup);

function render(data: Partial<OptionsData>) {
  const actions = {
    saveSettings: vi.fn(async () => null),
    importBackup: vi.fn(async () => null),
    restoreQuarantined: vi.fn(async () => null),
    deleteQuarantined: vi.fn(async () => null),
    clearAll: vi.fn(async () => null),
    download: vi.fn(),
  };
  renderUi(
    <Options
      data={{
        promotions: [],
        attempts: [],
        settings: DEFAULT_SETTINGS,
        quarantine: [],
        now: NOW,
        systemTimeZone: 'UTC',
        ...data,
      }}
      actions={actions}
    />,
  );
}

describe('refused reminders on the options page', () => {
  it('says how many, when the last was and the browser’s words', () => {
    render({
      refusedNotifications: {
        count: 3,
        lastError: 'Notifications are blocked',
        at: '2026-11-24T09:30:00.000Z',
      },
    });
    const text = screen.getByText(/refused to show 3 reminders/).textContent ?? '';
    expect(text).toContain('Notifications are blocked');
    expect(text).toContain('9:30');
    expect(screen.getByRole('region', { name: 'Reminders' }).textContent).toContain('refused to show 3');
  });

  it('says nothing when none was refused', () => {
    render({});
    expect(screen.queryByText(/refused to show/)).toBeNull();
  });
});
