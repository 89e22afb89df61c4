/**
 * The launcher button on Banqup pages, in a shadow root. Returns its teardown; WXT's `ctx`
 * also removes it when the extension is reloaded or updated.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { pickLanguage, translator } from '../i18n';

export const LAUNCHER_HOST = 'yokoy-companion-launcher';

export interface LauncherOptions {
  onOpen: () => void;
  doc?: Document;
}

export async function mountLauncher(ctx: ContentScriptContext, options: LauncherOptions): Promise<() => void> {
  const doc = options.doc ?? document;
  const t = translator(pickLanguage(doc.documentElement.lang, navigator.language));
  const ui = await createShadowRootUi(ctx, {
    name: LAUNCHER_HOST,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    onMount(container) {
      render(
        <button type="button" class="launcher" aria-label={t('launcherLabel')} onClick={options.onOpen}>
          {t('launcherText')}
        </button>,
        container,
      );
      return container;
    },
    onRemove(container) {
      if (container) render(null, container);
    },
  });
  ui.mount();
  return () => ui.remove();
}
