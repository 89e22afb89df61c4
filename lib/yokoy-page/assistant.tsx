/**
 * Mounts the assistant on Yokoy's pages (lib/in-page/mount) and keeps it in step with the page:
 * the page watched once per frame (lib/in-page/watch: elements and text, scrolling, resizing)
 * notices the credentials dialog opening and closing, or a single-page navigation. Everything
 * is tied to `ctx`, so an extension reload leaves no trace. It lives in a closed shadow root
 * (the page cannot read the organization ID we show, the outcome, or reach our buttons) and its
 * buttons act on the user's own clicks only (lib/in-page/trusted.ts). What it offers waits for
 * the user's confirmation in the popup.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createYokoyAssistant, type AssistantView } from './assistant-view';
import { pickLanguage } from '../i18n';
import { assistantText } from '../i18n/assistant';
import type { CaptureAnswer } from '../messaging/protocol';
import { mountInPage } from '../in-page/mount';
import { scanYokoyPage } from './scan';

export const ASSISTANT_HOST = 'yokoy-companion-assistant';

export interface AssistantEnv {
  offer: (values: { clientId?: string; clientSecret?: string; organizationId?: string }) => Promise<CaptureAnswer>;
  doc?: Document;
}

export async function mountYokoyAssistant(ctx: ContentScriptContext, env: AssistantEnv): Promise<() => void> {
  const doc = env.doc ?? document;
  let view: AssistantView | undefined;

  const update = () => {
    if (!view) return;
    const t = assistantText.translator(pickLanguage(doc.documentElement.lang, navigator.language));
    const scan = scanYokoyPage(doc, pickLanguage(doc.documentElement.lang, navigator.language));
    const org = scan.organizationId;
    view.update({
      t,
      organizationId: org ? { value: org.value, rect: org.element.getBoundingClientRect() } : undefined,
      credentials: Boolean(scan.credentialsDialog),
      noDeveloperRole: scan.noDeveloperRole ? { admins: scan.noDeveloperRole.admins, variant: scan.variant } : undefined,
      onUseOrganizationId: () => env.offer({ organizationId: org?.value }),
      onSaveCredentials: () => {
        // Read the values at the moment of the click, not before: nothing is kept in between.
        const now = scanYokoyPage(doc, pickLanguage(doc.documentElement.lang, navigator.language));
        return env.offer({
          clientId: now.credentialsDialog?.clientId,
          clientSecret: now.credentialsDialog?.clientSecret,
          organizationId: now.organizationId?.value,
        });
      },
    });
  };

  const ui = await mountInPage(ctx, {
    name: ASSISTANT_HOST,
    doc,
    render(container) {
      view = createYokoyAssistant(container);
    },
    // What the scan reads: elements and text (no attributes, no typing), and where the ID is, for the ring.
    watch: { attributes: [], input: false, onChange: update },
  });
  update();
  return ui.remove;
}
