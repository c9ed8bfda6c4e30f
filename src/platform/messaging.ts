// Messages to and from the service worker: the one place that calls runtime.sendMessage / onMessage.
//
//   sendToWorker(message)   validate, send, and resolve to Result<Answers[type]>; never rejects: a stopped
//                           or absent worker resolves to { ok: false, error: { code: 'no-answer' } }
//   onMessage(handlers)     (worker) register the one runtime.onMessage listener; call at top level
//   senderKind(sender, id, extensionBase)  who sent a message: 'page' | 'content' | null (ignore)
//
// A message is answered only when it comes from this extension (sender.id) and from one of its contexts:
// an extension page (our own origin) or a content script in a tab on Ads Manager. Anything else is ignored
// without an answer, so a foreign sender learns nothing. Only extension pages may send the messages that
// change kept data wholesale (save, delete, import, clear, settings); content scripts only report pages.
import {
  CONTENT_TYPES,
  fail,
  Message,
  ok,
  ResultShape,
  type Answers,
  type MessageOf,
  type MessageType,
  type Result,
} from '../core/messages.ts';
import { errorText } from '../core/result.ts';
import { createRowsAssembly, packAnswer, ROWS_LOST, unpackMessage, type RowsAssembly } from '../core/wire.ts';
import { api, type MessageSender } from './browser.ts';

const CONTENT_HOSTS = new Set(['ads.tiktok.com', 'business.tiktok.com']);

export type SenderKind = 'page' | 'content';

export interface SenderContext {
  kind: SenderKind;
  /** The sending tab, for content scripts (and extension pages open in a tab). */
  tabId: number | null;
}

/**
 * `extensionBase` is runtime.getURL('') ("chrome-extension://<id>/"). Compared as a prefix, not through
 * URL#origin: for chrome-extension: and moz-extension: URLs that is "null" outside the browser (Node,
 * some engines), which would make every such URL look like ours.
 */
export function senderKind(
  sender: MessageSender,
  extensionId: string,
  extensionBase: string,
): SenderKind | null {
  if (sender.id !== extensionId || typeof sender.url !== 'string') return null;
  if (extensionBase.endsWith('/') && sender.url.startsWith(extensionBase)) return 'page';
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return null;
  }
  if (sender.tab !== undefined && url.protocol === 'https:' && CONTENT_HOSTS.has(url.hostname))
    return 'content';
  return null;
}

export async function sendToWorker<T extends MessageType>(
  message: MessageOf<T>,
): Promise<Result<Answers[T]>> {
  const checked = Message.safeParse(message);
  if (!checked.success) return fail('invalid-message', checked.error.message);
  let answer: unknown;
  try {
    answer = await api().runtime.sendMessage(checked.data);
  } catch (error) {
    return fail('no-answer', String(error instanceof Error ? error.message : error));
  }
  const result = ResultShape.safeParse(answer);
  if (!result.success) return fail('no-answer', 'the worker gave no answer');
  // The worker built the value from the same Answers map; only its envelope crosses unchecked.
  return result.data as Result<Answers[T]>;
}

export type Handlers = {
  [K in MessageType]: (message: MessageOf<K>, from: SenderContext) => Promise<Result<Answers[K]>>;
};

/** Registers the worker's one listener; call once, synchronously, at the worker's top level. */
export function onMessage(handlers: Handlers): void {
  const browser = api();
  const base = browser.runtime.getURL('');
  // A long list's rows arrive in parts ahead of its snapshot (core/wire.ts wireMessages).
  const assembly = createRowsAssembly();
  browser.runtime.onMessage.addListener((raw, sender) => {
    const kind = senderKind(sender, browser.runtime.id, base);
    if (kind === null) return undefined;
    return dispatch(handlers, assembly, raw, { kind, tabId: sender.tab?.id ?? null });
  });
}

async function dispatch(
  handlers: Handlers,
  assembly: RowsAssembly,
  raw: unknown,
  from: SenderContext,
): Promise<Result<unknown>> {
  const sender = `${from.kind} ${from.tabId}`;
  if (assembly.keep(sender, raw)) return ok(null);
  const whole = assembly.complete(sender, raw);
  if (whole === null) return fail('no-answer', ROWS_LOST);
  const parsed = Message.safeParse(unpackMessage(whole.message));
  if (!parsed.success) {
    const type = (raw as { type?: unknown } | null)?.type;
    return fail(
      'invalid-message',
      `${typeof type === 'string' ? type : 'message'}: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
    );
  }
  const message = parsed.data;
  if (from.kind === 'content' && !CONTENT_TYPES.has(message.type)) {
    return fail('forbidden', `${message.type} is not accepted from a page`);
  }
  try {
    const handler = handlers[message.type] as (m: Message, f: SenderContext) => Promise<Result<unknown>>;
    return packAnswer(message.type, await handler(message, from)) as Result<unknown>;
  } catch (error) {
    return fail('internal', errorText(error));
  }
}
