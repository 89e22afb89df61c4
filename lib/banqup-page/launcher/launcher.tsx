/** @jsxImportSource ~/lib/in-page/dom */
/**
 * The launcher button on Banqup pages, in a closed shadow root (lib/in-page/mount.ts): it opens
 * the setup guide, on the user's own click only (lib/in-page/trusted.ts). Returns its teardown
 * and its button (the guide returns focus there); `ctx` also removes it when the extension is
 * reloaded or updated.
 * Its words come from the Banqup page's catalogue (lib/i18n/banqup-page), in the page's language.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { pickLanguage } from '../../i18n';
import { banqupPageText } from '../../i18n/banqup-page';
import type { GateFactory } from '../../in-page/trusted';
import { mountInPage, type Mount } from '../../in-page/mount';

export const LAUNCHER_HOST = 'yokoy-companion-launcher';

export interface LauncherOptions {
  onOpen: () => void;
  doc?: Document;
  /** Another mount and gate: unit tests only (happy-dom has no trusted events; tests/unit/open-ui.ts). */
  mount?: Mount;
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
  const ui = await (options.mount ?? mountInPage)(ctx, {
    name: LAUNCHER_HOST,
    doc,
    gate: options.gate,
    render(container) {
      button = (
        <button type="button" class="launcher" aria-label={t('launcherLabel')} onClick={() => options.onOpen()}>
          {t('launcherText')}
        </button>
      ) as HTMLElement;
      container.append(button);
    },
  });
  return { remove: () => ui.remove(), button: () => (button?.isConnected ? button : undefined) };
}
