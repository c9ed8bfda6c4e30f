// `cli diagnose <case.json>`: the likely reasons a code was refused or credit is missing (docs/ARCHITECTURE.md, Command line).
import messages from '../../../public/_locales/en/messages.json' with { type: 'json' };

import { diagnose } from '../../core/diagnosis/index.ts';
import { translatorFrom } from '../../core/i18n.ts';
import { DiagnosisCase, type Diagnosis } from '../../core/schemas.ts';
import { InputError, readJsonFile } from '../io.ts';

export function run(positional: string[], _options: Map<string, string>): Diagnosis {
  const path = positional[0];
  const parsed = DiagnosisCase.safeParse(readJsonFile(path, 'diagnosis case'));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new InputError(`${path}: not a diagnosis case (${where}${issue?.message ?? 'invalid'})`);
  }
  // The CLI speaks English: the extension's own English messages, so both say the same thing.
  return diagnose(parsed.data, translatorFrom(messages, 'en'));
}
