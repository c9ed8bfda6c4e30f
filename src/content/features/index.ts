// Every on-page feature, in drawing order (later ones paint above earlier ones).
import type { Feature } from '../types.ts';
import { outline } from './outline.ts';
import { panel } from './panel.ts';
import { promotionNotes } from './promotion-notes.ts';
import { redeemHelp } from './redeem-help.ts';
import { report } from './report.ts';

export const FEATURES: readonly Feature[] = [outline, promotionNotes, panel, redeemHelp, report];
