// @vitest-environment happy-dom
// (mounts the guide into a document)
/**
 * The content script's lazy guide: nothing is fetched until the guide opens, the module is
 * fetched once however often it opens, and a failed fetch (the extension being updated) is
 * tried again on the next click instead of leaving the launcher dead.
 */
import { describe, expect, it } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { openUi } from './open-ui';
import { GUIDE_HOST } from '../../lib/banqup-page/guide/guide';
import { lazyGuide, type GuideModule } from '../../lib/banqup-page/guide/loader';

const ask = (async () => ({ ok: false, failure: { kind: 'failed', detail: 'network' } })) as never;

describe('lazyGuide', () => {
  it('fetches the guide on the first opening only, once, and retries after a failed fetch', async () => {
    document.body.innerHTML = '<main>Banqup</main>';
    const ctx = new ContentScriptContext('banqup');
    let fetches = 0;
    let failNext = true;
    const load = async (): Promise<GuideModule> => {
      fetches++;
      if (failNext) {
        failNext = false;
        throw new TypeError('Failed to fetch dynamically imported module');
      }
      return import('../../lib/banqup-page/guide/guide');
    };
    const guide = lazyGuide(ctx, { ask, sandbox: true, ...openUi }, load);
    expect(fetches).toBe(0);
    expect(guide.isOpen).toBe(false);

    await expect(guide.open()).rejects.toThrow(/Failed to fetch/);
    expect(document.querySelector(GUIDE_HOST)).toBeNull();

    await guide.open();
    expect(guide.isOpen).toBe(true);
    expect(document.querySelector(GUIDE_HOST)?.shadowRoot).toBeTruthy();
    guide.close();
    expect(document.querySelector(GUIDE_HOST)).toBeNull();
    await guide.open();
    expect(guide.isOpen).toBe(true);
    expect(fetches).toBe(2);
    guide.remove();
    ctx.abort();
  });
});
