import { describe, expect, it } from 'vitest';
import { CONTENT_TYPES, Message, PageMessage } from '../../src/core/messages.ts';
import { senderKind } from '../../src/platform/messaging.ts';

const ID = 'ourid';
const ORIGIN = 'chrome-extension://ourid';
const BASE = `${ORIGIN}/`;
const tab = { id: 3 } as never;

describe('senderKind', () => {
  it('accepts our extension pages and our content scripts on Ads Manager only', () => {
    expect(senderKind({ id: ID, url: `${ORIGIN}/src/popup/index.html` }, ID, BASE)).toBe('page');
    expect(
      senderKind({ id: ID, url: 'https://ads.tiktok.com/i18n/account/payment?aadvid=1', tab }, ID, BASE),
    ).toBe('content');
    expect(senderKind({ id: ID, url: 'https://business.tiktok.com/manage', tab }, ID, BASE)).toBe('content');
  });

  it('ignores other extensions, other hosts, plain http, frames without a tab and missing urls', () => {
    expect(senderKind({ id: 'other', url: `${ORIGIN}/x.html` }, ID, BASE)).toBeNull();
    expect(senderKind({ id: ID, url: 'chrome-extension://other/x.html' }, ID, BASE)).toBeNull();
    expect(senderKind({ id: ID, url: 'chrome-extension://ourid.evil/x.html' }, ID, BASE)).toBeNull();
    expect(senderKind({ id: ID, url: 'https://www.tiktok.com/', tab }, ID, BASE)).toBeNull();
    expect(senderKind({ id: ID, url: 'https://ads.tiktok.com.evil.example/', tab }, ID, BASE)).toBeNull();
    expect(senderKind({ id: ID, url: 'http://ads.tiktok.com/', tab }, ID, BASE)).toBeNull();
    expect(senderKind({ id: ID, url: 'https://ads.tiktok.com/' }, ID, BASE)).toBeNull();
    expect(senderKind({ id: ID }, ID, BASE)).toBeNull();
  });
});

describe('Message', () => {
  it('lets content scripts send only page reports, fold their panel, and open the review', () => {
    expect([...CONTENT_TYPES].sort()).toEqual([
      'panel-collapsed',
      'redeem-attempt',
      'report-open',
      'snapshot',
      'terms-text',
    ]);
    for (const option of PageMessage.def.options)
      expect(CONTENT_TYPES.has(option.shape.type.def.values[0]!)).toBe(false);
  });

  it('rejects unknown types and wrong shapes', () => {
    expect(Message.safeParse({ type: 'data-clear' }).success).toBe(true);
    expect(Message.safeParse({ type: 'data-wipe' }).success).toBe(false);
    expect(
      Message.safeParse({ type: 'reminder-snooze', promotion: { accountId: '1', id: '' } }).success,
    ).toBe(false);
    expect(
      Message.safeParse({
        type: 'terms-text',
        accountId: null,
        code: null,
        text: 'x'.repeat(20_001),
        lang: null,
      }).success,
    ).toBe(false);
  });
});
