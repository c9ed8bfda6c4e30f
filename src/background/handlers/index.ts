// The worker's handlers, one per message type (one file each beside this one).
import { dataClear } from './data-clear.ts';
import { dataImport } from './data-import.ts';
import { heldAnswer } from './held-answer.ts';
import { panelCollapsed } from './panel-collapsed.ts';
import { promotionDelete } from './promotion-delete.ts';
import { promotionSave } from './promotion-save.ts';
import { quarantineDelete } from './quarantine-delete.ts';
import { quarantineRestore } from './quarantine-restore.ts';
import { redeemAttempt } from './redeem-attempt.ts';
import { reminderSnooze } from './reminder-snooze.ts';
import { reportOpen } from './report-open.ts';
import { settingsSave } from './settings-save.ts';
import { snapshot } from './snapshot.ts';
import { termsText } from './terms-text.ts';
import type { HandlerTable } from './types.ts';

export const HANDLERS: HandlerTable = {
  snapshot,
  'redeem-attempt': redeemAttempt,
  'terms-text': termsText,
  'report-open': reportOpen,
  'panel-collapsed': panelCollapsed,
  'held-answer': heldAnswer,
  'promotion-save': promotionSave,
  'promotion-delete': promotionDelete,
  'reminder-snooze': reminderSnooze,
  'quarantine-restore': quarantineRestore,
  'quarantine-delete': quarantineDelete,
  'data-import': dataImport,
  'data-clear': dataClear,
  'settings-save': settingsSave,
};

export type { Context, Effect, Handler, HandlerTable, Plan } from './types.ts';
