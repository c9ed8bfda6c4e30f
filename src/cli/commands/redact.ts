// `cli redact <page.html> [--url <url>]`: the report the extension would save for that page, with no
// corrections, so anyone can check the redaction on any page. The same code as the extension's; only the
// visibility differs: no browser laid the page out, so hidden is what the markup and its style rules say.
import { webcrypto } from 'node:crypto';

import { readPageAndTargets } from '../../core/page/read.ts';
import { finishSnapshot } from '../../core/page/row-values.ts';
import { capturePage, makeReport, shownByMarkup } from '../../core/report/index.ts';
import type { RedactionKey } from '../../core/report/index.ts';
import { Printed } from '../io.ts';
import { parseDocument, readSavedPage } from './parse.ts';

export function run(positional: string[], options: Map<string, string>): Printed {
  const { html, url } = readSavedPage(positional[0], options);
  const doc = parseDocument(html);
  const { snapshot, targets } = readPageAndTargets(doc, url);
  const capture = capturePage(doc, { shown: shownByMarkup(doc), codeInput: targets.codeInput });
  const report = makeReport({
    capture,
    url,
    read: finishSnapshot(snapshot),
    corrections: [],
    about: {
      extensionVersion: process.env.npm_package_version ?? 'unknown',
      browser: `command line (Node ${process.versions.node})`,
      uiLanguage: Intl.DateTimeFormat().resolvedOptions().locale,
    },
    key: Array.from(webcrypto.getRandomValues(new Uint32Array(4))) as unknown as RedactionKey,
    parse: parseDocument,
  });
  return new Printed(report.html);
}
