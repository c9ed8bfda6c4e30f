// A typed outcome instead of a throw, for whatever crosses contexts or touches storage. Apart from the
// message protocol (messages.ts) and free of zod: a page that only reads storage, like the popup at first
// paint, need not build every message's schema to report a failure.

export const ERROR_CODES = [
  /** The message failed validation. */
  'invalid-message',
  /** Sent from a context that may not send this message. */
  'forbidden',
  /** storage.local is full: nothing was written, nothing kept was lost. */
  'quota-exceeded',
  /** The promotion or quarantined item named does not exist. */
  'not-found',
  /** A value (e.g. an edited quarantined record) still fails validation. */
  'invalid-value',
  /** The worker did not answer (stopped, updating, or no listener). */
  'no-answer',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface Failure {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: Failure };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): { ok: false; error: Failure } => ({
  ok: false,
  error: { code, message },
});

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
