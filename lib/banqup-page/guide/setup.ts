/**
 * Wires the guide on a Banqup page: the launcher opens it; so does the worker's `guide.open`
 * (the popup's "Set up in Banqup" on an open Banqup tab), the worker's GUIDE_HASH on a new
 * tab, and the session when the guide was open before a reload or a navigation. Returns the
 * teardown (WXT's ctx runs the same when the extension goes away). The guide's code loads on
 * its first opening (./loader.ts).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageModuleEnv } from '../env';
import { GUIDE_MODULE_PATH } from '../module';
import { readSession, takeGuideHash } from './session';
import { askVia } from '../../messaging/ask';
import { parseFromWorker } from '../../messaging/to-content';
import { lazyGuide, type GuideModule } from './loader';
import { mountLauncher, type Launcher } from '../launcher/launcher';
import { mountInPage } from '../../in-page/mount';

export async function setupBanqupGuide(ctx: ContentScriptContext, page: PageModuleEnv): Promise<() => void> {
  const { runtime } = page;
  let launcher: Launcher | undefined;
  const env = {
    ask: askVia(runtime),
    // The page module's own mount (lib/in-page/mount.ts), so the guide's chunk carries no copy.
    mount: mountInPage,
    sandbox: page.sandbox,
    fallbackFocus: () => launcher?.button(),
  };
  // Its own module, fetched from the extension on the first opening.
  const guide = lazyGuide(ctx, env, () => import(/* @vite-ignore */ runtime.getURL(GUIDE_MODULE_PATH)) as Promise<GuideModule>);
  // A failed fetch of the guide's module (the extension mid-update) leaves the launcher as it
  // was: the next click fetches again (loader), and an invalidated ctx removes it anyway.
  const open = () => guide.open().catch(() => undefined);
  // The launcher's click is the user's own (its gate, lib/in-page/trusted.ts); a page script's
  // synthetic click stops at the closed root's gate and opens nothing.
  launcher = await mountLauncher(ctx, { onOpen: () => void open() });
  const removeLauncher = launcher.remove;

  const onMessage = (message: unknown, sender: { id?: string; tab?: unknown }) => {
    if (parseFromWorker(message, sender, runtime.id)?.type === 'guide.open') void open();
  };
  runtime.onMessage.addListener(onMessage);
  const stopListening = () => runtime.onMessage.removeListener(onMessage);
  ctx.onInvalidated(stopListening);

  let stored = false;
  try {
    stored = readSession(window.sessionStorage).open;
  } catch {
    // sessionStorage blocked: the guide opens only on demand.
  }
  if (takeGuideHash(window) || stored) await open();
  return () => {
    stopListening();
    // Not close(): that would forget the session, and a teardown is not the user's choice.
    guide.remove();
    removeLauncher();
  };
}
