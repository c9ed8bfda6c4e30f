// The options form's values as typed and their reading into Settings (zod-checked), one message key per
// invalid field.
import { Settings, type Settings as SettingsT } from '../core/schemas.ts';

export interface SettingsValues {
  /** "7, 3, 1" */
  reminderDays: string;
  quiet: boolean;
  quietStart: string;
  quietEnd: string;
  /** '' follows the system. */
  timeZone: string;
}

export type SettingsField = 'reminderDays' | 'quietStart' | 'quietEnd' | 'timeZone';

export function settingsValues(s: SettingsT): SettingsValues {
  return {
    reminderDays: s.reminderDays.join(', '),
    quiet: s.quietHours !== null,
    quietStart: s.quietHours?.start ?? '22:00',
    quietEnd: s.quietHours?.end ?? '08:00',
    timeZone: s.timeZone ?? '',
  };
}

const ZONES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('timeZone'));

export function readSettings(
  v: SettingsValues,
): { ok: true; settings: SettingsT } | { ok: false; errors: Partial<Record<SettingsField, string>> } {
  const errors: Partial<Record<SettingsField, string>> = {};
  // Commas, spaces and the ideographic comma all separate thresholds.
  const parts = v.reminderDays.split(/[\s,;、，]+/).filter((s) => s !== '');
  const days = parts.map(Number);
  if (parts.some((p) => !/^\d{1,2}$/.test(p))) errors.reminderDays = 'options_errReminderDays';
  if (v.timeZone !== '' && !ZONES.has(v.timeZone)) errors.timeZone = 'options_errTimeZone';
  const candidate = {
    reminderDays: [...new Set(days)].sort((a, b) => b - a),
    quietHours: v.quiet ? { start: v.quietStart, end: v.quietEnd } : null,
    timeZone: v.timeZone === '' ? null : v.timeZone,
  };
  const result = Settings.safeParse(candidate);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const [top, sub] = issue.path;
      if (top === 'reminderDays') errors.reminderDays ??= 'options_errReminderDays';
      if (top === 'quietHours') errors[sub === 'end' ? 'quietEnd' : 'quietStart'] ??= 'options_errQuietHours';
    }
  }
  if (v.quiet && v.quietStart === v.quietEnd) errors.quietEnd ??= 'options_errQuietSame';
  return Object.keys(errors).length || !result.success
    ? { ok: false, errors }
    : { ok: true, settings: result.data };
}
