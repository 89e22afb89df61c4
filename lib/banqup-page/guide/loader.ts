/**
 * The guide as the Banqup page sees it: a `Guide` whose code (lib/banqup-page/guide/guide.ts and what it
 * imports: steps, detection, Banqup's labels in four languages, the panel) is fetched from the
 * extension the first time it opens. Most Banqup page loads never open the guide, so they never
 * pay for it. It is a chunk of the Banqup page module (modules/banqup-page-module.ts), an
 * extension file web-accessible to Banqup's origins only.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Guide, GuideEnv } from './guide';

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
