// The DOM the CLI parses with (happy-dom), for tests that read pages the way `cli parse` does.
import { Window } from 'happy-dom';

/** Parses HTML into a Document, scripts off, nothing fetched. */
export function parseHtml(html: string): Document {
  const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true } });
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}
