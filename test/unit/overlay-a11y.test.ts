// @vitest-environment happy-dom
// The panel and the cards checked by axe-core in the page's own document (the test's global one).
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { panel } from '../../src/content/features/panel.ts';
import { redeemHelp } from '../../src/content/features/redeem-help.ts';
import type { Win } from '../../src/content/types.ts';
import { emptySnapshot, fakeDeps, framed, mountFeature, rendered, stateOf } from './content.harness.ts';

async function violations(root: Element): Promise<string[]> {
  const result = await axe.run(root, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

describe('overlay accessibility', () => {
  it('the panel, open and folded, has no axe violations', async () => {
    const { deps, frames } = fakeDeps();
    const { container, state } = mountFeature(panel, window as unknown as Win, deps);
    state.set(stateOf(emptySnapshot({ accountId: '1', balance: { total: 1, cash: 1, credit: 0 } })));
    await framed(frames);
    expect(await violations(container)).toEqual([]);
    container.querySelector<HTMLButtonElement>('header button')!.click();
    await rendered();
    expect(await violations(container)).toEqual([]);
  });

  it('the success card with its terms box has no axe violations', async () => {
    const { deps } = fakeDeps();
    const { container, state } = mountFeature(redeemHelp, window as unknown as Win, deps);
    state.set(stateOf(emptySnapshot({ redeem: { open: true, code: 'C1', error: null, succeeded: true } })));
    await rendered();
    expect(container.querySelector('textarea')).not.toBeNull();
    expect(await violations(container)).toEqual([]);
  });
});
