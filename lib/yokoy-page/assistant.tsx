/**
 * Mounts the assistant on Yokoy's pages and keeps it in step with the page: a MutationObserver
 * (coalesced to one scan per frame) notices the credentials dialog opening and closing, or a
 * single-page navigation. Everything is tied to `ctx`, so an extension reload leaves no trace.
 * It lives in a closed shadow root (the page cannot read the organization ID we show, the
 * outcome, or reach our buttons) and its buttons act on the user's own clicks only
 * (lib/in-page/trusted.ts). What it offers waits for the user's confirmation in the popup.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { YokoyAssistant } from './assistant-view';
import { pickLanguage } from '../i18n';
import { assistantText } from '../i18n/assistant';
import type { CaptureAnswer } from '../messaging/protocol';
import { userGestures, type GestureGate } from '../in-page/trusted';
import { scanYokoyPage } from './scan';

export const ASSISTANT_HOST = 'yokoy-companion-assistant';

export interface AssistantEnv {
  offer: (values: { clientId?: string; clientSecret?: string; organizationId?: string }) => Promise<CaptureAnswer>;
  doc?: Document;
}

export async function mountYokoyAssistant(ctx: ContentScriptContext, env: AssistantEnv): Promise<() => void> {
  const doc = env.doc ?? document;
  let container: HTMLElement | undefined;
  let gate: GestureGate | undefined;
  const ui = await createShadowRootUi(ctx, {
    name: ASSISTANT_HOST,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    mode: 'closed',
    onMount(root, shadow, host) {
      container = root;
      gate = userGestures({ root: shadow, host, doc });
    },
    onRemove() {
      gate?.stop();
      if (container) render(null, container);
    },
  });
  ui.mount();

  const update = () => {
    if (!container) return;
    const t = assistantText.translator(pickLanguage(doc.documentElement.lang, navigator.language));
    const scan = scanYokoyPage(doc, pickLanguage(doc.documentElement.lang, navigator.language));
    const org = scan.organizationId;
    render(
      <YokoyAssistant
        t={t}
        organizationId={org ? { value: org.value, rect: org.element.getBoundingClientRect() } : undefined}
        credentials={Boolean(scan.credentialsDialog)}
        noDeveloperRole={scan.noDeveloperRole ? { admins: scan.noDeveloperRole.admins, variant: scan.variant } : undefined}
        onUseOrganizationId={() => env.offer({ organizationId: org?.value })}
        onSaveCredentials={() => {
          // Read the values at the moment of the click, not before: nothing is kept in between.
          const now = scanYokoyPage(doc, pickLanguage(doc.documentElement.lang, navigator.language));
          return env.offer({
            clientId: now.credentialsDialog?.clientId,
            clientSecret: now.credentialsDialog?.clientSecret,
            organizationId: now.organizationId?.value,
          });
        }}
      />,
      container,
    );
  };

  let scheduled = 0;
  const schedule = () => {
    if (scheduled) return;
    scheduled = requestAnimationFrame(() => {
      scheduled = 0;
      update();
    });
  };
  const observer = new MutationObserver((records) => {
    // Our own shadow host's changes are not the page's.
    if (records.every((r) => (r.target as Element).closest?.(ASSISTANT_HOST))) return;
    schedule();
  });
  observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
  ctx.addEventListener(window, 'resize', schedule);
  ctx.addEventListener(window, 'scroll', schedule, { capture: true, passive: true });
  update();

  const teardown = () => {
    observer.disconnect();
    if (scheduled) cancelAnimationFrame(scheduled);
    ui.remove();
  };
  ctx.onInvalidated(teardown);
  return teardown;
}
