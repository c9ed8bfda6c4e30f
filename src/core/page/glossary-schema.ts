// The shape of glossary.json. Checked by the unit tests and the build rather than at run time, so the
// content script does not carry a validator for data that ships inside it.
import { z } from 'zod';

/** A wording: one string, or the main wording followed by variants. */
export const Wording = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

export const LanguageGlossary = z.object({
  nav: z.object({ payment: Wording, promotions: Wording, finance: Wording, promotionsTitle: Wording }),
  balance: z.object({ accountBalance: Wording, cashBalance: Wording, adCredit: Wording }),
  buttons: z.object({
    addBalance: Wording,
    redeemCoupon: Wording,
    activate: Wording,
    cancel: Wording,
    viewAssign: Wording,
  }),
  tabs: z.object({ available: Wording, earning: Wording, notAvailable: Wording }),
  columns: z.object({
    name: Wording,
    creditType: Wording,
    amount: Wording,
    usageRequirements: Wording,
    redeemedDate: Wording,
    validDates: Wording,
    unusedAmount: Wording,
    usedAmount: Wording,
    percentSpent: Wording,
    status: Wording,
    progress: Wording,
    actions: Wording,
  }),
  creditTypes: z.object({ free: Wording, assignable: Wording, conditional: Wording }),
  statuses: z.object({
    earning: Wording,
    processing: Wording,
    available: Wording,
    used: Wording,
    expired: Wording,
    invalid: Wording,
  }),
  assignment: z.object({ notAssigned: Wording, campaigns: Wording }),
  requirement: Wording,
  redeem: z.object({
    dialogTitle: Wording,
    codeLabel: Wording,
    codePlaceholder: Wording,
    success: Wording,
  }),
  labels: z.object({ adAccountId: Wording, spendSoFar: Wording, noRequirements: Wording, currency: Wording }),
});
export type LanguageGlossary = z.infer<typeof LanguageGlossary>;
export type Wording = z.infer<typeof Wording>;

export const GlossaryFile = z
  .object({ _about: z.object({ languages: z.array(z.string().min(2)).min(1) }).loose() })
  .catchall(z.unknown());

/** Problems in a glossary file, one line each; empty when every listed language is complete. */
export function glossaryProblems(data: unknown): string[] {
  const file = GlossaryFile.safeParse(data);
  if (!file.success) return [`glossary.json: ${file.error.message}`];
  return file.data._about.languages.flatMap((lang) => {
    const parsed = LanguageGlossary.safeParse(file.data[lang]);
    return parsed.success
      ? []
      : parsed.error.issues.map((i) => `glossary.json: ${lang}.${i.path.join('.')}: ${i.message}`);
  });
}
