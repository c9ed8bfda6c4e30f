// The billing pages' wordings, which the content script does not ship: eight languages would be a
// quarter of its size, loaded on every Ads Manager page. The worker keeps them in storage (KEY.glossary);
// they are installed before the first page is looked at, and checked first, as anything from storage is.
import { GLOSSARY_VERSION, installGlossary } from '../core/page/glossary.ts';
import { GLOSSARY_KEY } from '../core/store/keys.ts';
import { api } from '../platform/browser.ts';
import { send } from './bridge.ts';

/** How long the page waits on the worker before it is followed without wordings. */
const WORKER_WAIT_MS = 5000;

/**
 * Installs the wordings from storage, else from the worker (which puts them back in storage for the next
 * page). Null once installed, else what went wrong: billing pages are then told by their address only,
 * and read without labels.
 */
export async function loadGlossary(waitMs = WORKER_WAIT_MS): Promise<string | null> {
  const fromStorage = await installStored();
  if (fromStorage === null) return null;
  // A worker that never answers must not keep the page from being followed.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(resolve, waitMs, null)));
  const answer = await Promise.race([send({ type: 'glossary' }), late]);
  clearTimeout(timer);
  const fromWorker = !answer
    ? `no answer within ${waitMs} ms`
    : answer.ok
      ? installGlossary(answer.value)
      : answer.error.message;
  if (fromWorker === null) return null;
  return `page wordings ${GLOSSARY_VERSION} not loaded (storage: ${fromStorage}; worker: ${fromWorker})`;
}

async function installStored(): Promise<string | null> {
  try {
    const stored: unknown = (await api().storage.local.get(GLOSSARY_KEY))[GLOSSARY_KEY];
    return stored === undefined ? 'none kept' : installGlossary(stored);
  } catch (error) {
    return String(error);
  }
}
