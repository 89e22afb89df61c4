/**
 * The guide as the content script sees it: a `Guide` whose code (lib/overlay/guide.ts and what
 * it imports: steps, detection, Banqup's labels in four languages, the panel) is fetched from
 * the extension the first time it opens. Most Banqup page loads never open the guide, so they
 * never pay for it. The module is the extension's own file, listed as web-accessible for
 * Banqup's origins only (modules/guide-chunk.ts builds it and declares it).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Guide, GuideEnv } from './guide';

export const GUIDE_MODULE_PATH = '/content-scripts/guide.js';

export type GuideModule = typeof import('./guide');

export function lazyGuide(ctx: ContentScriptContext, env: GuideEnv, load: () => Promise<GuideModule>): Guide {
  let loading: Promise<Guide> | undefined;
  let guide: Guide | undefined;
  const get = () =>
    (loading ??= load().then(
      (module) => (guide = module.createGuide(ctx, env)),
      (error: unknown) => {
        // The next click tries again (an extension update can briefly remove the file).
        loading = undefined;
        throw error;
      },
    ));
  return {
    open: async () => {
      const loaded = await get();
      if (ctx.isValid) await loaded.open();
    },
    close: () => guide?.close(),
    remove: () => guide?.remove(),
    get isOpen() {
      return guide?.isOpen ?? false;
    },
  };
}
