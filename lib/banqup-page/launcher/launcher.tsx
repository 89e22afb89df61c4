/** @jsxImportSource ~/lib/in-page/dom */
/**
 * The launcher button on Banqup pages, in a closed shadow root: it opens the setup guide, on
 * the user's own click only (./trusted.ts). Returns its teardown and its button (the guide
 * returns focus there); WXT's `ctx` also removes it when the extension is reloaded or updated.
 * Its words come from the Banqup page's catalogue (lib/i18n/banqup-page), in the page's language.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { pickLanguage } from '../../i18n';
import { banqupPageText } from '../../i18n/banqup-page';
import { userGestures, type GateFactory, type GestureGate } from '../../in-page/trusted';

export const LAUNCHER_HOST = 'yokoy-companion-launcher';

export interface LauncherOptions {
  onOpen: () => void;
  /** WXT's helper, from the content script (lib/banqup-page/env). */
  createShadowRootUi: typeof createShadowRootUi;
  doc?: Document;
  /** Open roots and another gate: unit tests only (happy-dom has no trusted events). */
  mode?: 'open' | 'closed';
  gate?: GateFactory;
}

export interface Launcher {
  remove: () => void;
  /** The launcher's button (the guide returns focus here when nothing else had it). */
  button: () => HTMLElement | undefined;
}

export async function mountLauncher(ctx: ContentScriptContext, options: LauncherOptions): Promise<Launcher> {
  const doc = options.doc ?? document;
  const t = banqupPageText.translator(pickLanguage(doc.documentElement.lang, navigator.language));
  let button: HTMLElement | undefined;
  let gate: GestureGate | undefined;
  const ui = await options.createShadowRootUi(ctx, {
    name: LAUNCHER_HOST,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    mode: options.mode ?? 'closed',
    onMount(container, shadow, host) {
      button = (
        <button type="button" class="launcher" aria-label={t('launcherLabel')} onClick={() => options.onOpen()}>
          {t('launcherText')}
        </button>
      ) as HTMLElement;
      container.append(button);
      gate = (options.gate ?? userGestures)({ root: shadow, host, doc });
    },
    onRemove() {
      gate?.stop();
    },
  });
  ui.mount();
  return { remove: () => ui.remove(), button: () => (button?.isConnected ? button : undefined) };
}
