/** @jsxImportSource ~/lib/overlay/dom */
/**
 * The launcher button on Banqup pages, in a shadow root: it opens the setup guide. Returns its
 * teardown; WXT's `ctx` also removes it when the extension is reloaded or updated. Its words
 * come from its own two-line catalogue (not lib/i18n), in the Banqup page's language.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { pickLanguage } from '../guide/language';
import { launcherText } from './launcher-text';

export const LAUNCHER_HOST = 'yokoy-companion-launcher';

export interface LauncherOptions {
  onOpen: () => void;
  /** WXT's helper, from the content script (lib/banqup-page/env). */
  createShadowRootUi: typeof createShadowRootUi;
  doc?: Document;
}

/** The launcher's button (the guide returns focus here when nothing else had it). */
export const launcherButton = (doc: Document = document): HTMLElement | null | undefined =>
  doc.querySelector(LAUNCHER_HOST)?.shadowRoot?.querySelector<HTMLElement>('button.launcher');

export async function mountLauncher(ctx: ContentScriptContext, options: LauncherOptions): Promise<() => void> {
  const doc = options.doc ?? document;
  const t = launcherText[pickLanguage(doc.documentElement.lang, navigator.language)];
  const ui = await options.createShadowRootUi(ctx, {
    name: LAUNCHER_HOST,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    onMount(container) {
      container.append(
        <button type="button" class="launcher" aria-label={t.label} onClick={() => options.onOpen()}>
          {t.text}
        </button>,
      );
    },
  });
  ui.mount();
  return () => ui.remove();
}
