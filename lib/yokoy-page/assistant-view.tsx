/** @jsxImportSource ~/lib/in-page/dom */
/**
 * The companion's offers on Yokoy's pages, in a shadow root: "Use this ID" next to the
 * organization ID (outlined on the page), "Save to Yokoy Companion" while the one-time
 * credentials are shown, and what to ask for when the Developer role is missing. Nothing is
 * sent without the user's own click (the root's gate, lib/in-page/trusted.ts), and what is sent
 * waits for the user's confirmation in the popup.
 *
 * Built with the house DOM builder (lib/in-page/dom), not Preact: no framework on a third-party
 * page. `update` runs once per frame while the page changes; it keeps every node that stays
 * (focus, an offer's announced result, a pressed button's busy state) and only adds or removes
 * the parts that come or go. An offer that goes away forgets its result; dismissed, the
 * assistant stays away until the page is loaded again.
 */
import type { AssistantKey as MessageKey } from '../i18n/assistant';
import type { CaptureAnswer } from '../messaging/protocol';

type T = (key: MessageKey, params?: Record<string, string>) => string;

export interface AssistantProps {
  t: T;
  organizationId?: { value: string; rect: DOMRect };
  credentials?: boolean;
  /** `variant`: Perk says "account admins" where Yokoy says "Developer role". */
  noDeveloperRole?: { admins: string[]; variant?: 'yokoy' | 'perk' };
  onUseOrganizationId: () => Promise<CaptureAnswer>;
  onSaveCredentials: () => Promise<CaptureAnswer>;
}

export interface AssistantView {
  update(props: AssistantProps): void;
}

function outcomeText(t: T, answer: CaptureAnswer, savedKey: MessageKey): string {
  if (answer.outcome === 'refused') return t('yokoyCaptureRefused', { problem: answer.problem ?? '' });
  if (answer.outcome === 'pending-confirmation') return t('yokoyCapturePending');
  return savedKey === 'yokoyCredentialsSaved' && !answer.verified ? t('yokoyCredentialsSavedUnverified') : t(savedKey);
}

/** Text set only when it changes: no churn in the root (nor in what assistive tech follows) per frame. */
function setText(el: Node, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

function setAttr(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/** `parent`'s children become `nodes`, in order: the ones that stay are not moved (focus stays). */
function place(parent: Element, nodes: (Node | undefined)[]): void {
  const want = nodes.filter((n): n is Node => n !== undefined);
  for (const child of [...parent.childNodes]) if (!want.includes(child)) child.remove();
  want.forEach((node, i) => {
    if (parent.childNodes[i] !== node) parent.insertBefore(node, parent.childNodes[i] ?? null);
  });
}

interface OfferView {
  el: HTMLElement;
  update(t: T, text: string | undefined, action: string, onAct: () => Promise<CaptureAnswer>): void;
}

function createOffer(testId: string, savedKey: MessageKey): OfferView {
  let t!: T;
  let act!: () => Promise<CaptureAnswer>;
  let text!: HTMLElement;
  let press!: HTMLButtonElement;
  let result!: HTMLElement;
  const onClick = async () => {
    press.disabled = true;
    const answer = await act().catch((e: unknown) => ({ outcome: 'refused', problem: String(e) }) as CaptureAnswer);
    result.textContent = outcomeText(t, answer, savedKey);
    press.disabled = false;
  };
  const el = (
    <section class="panel" data-testid={testId}>
      <p ref={(e) => (text = e as HTMLElement)} />
      <button type="button" class="primary" onClick={onClick} ref={(e) => (press = e as HTMLButtonElement)} />
      <p class="result" role="status" aria-live="polite" ref={(e) => (result = e as HTMLElement)} />
    </section>
  ) as HTMLElement;
  return {
    el,
    update(nextT, value, action, onAct) {
      t = nextT;
      act = onAct;
      setAttr(el, 'aria-label', action);
      setText(press, action);
      if (value) {
        setText(text, value);
        if (!text.isConnected) el.prepend(text);
      } else text.remove();
    },
  };
}

export function createYokoyAssistant(container: HTMLElement): AssistantView {
  let dismissed = false;
  let shown:
    | {
        ring: HTMLElement;
        stack: HTMLElement;
        header: HTMLElement;
        name: HTMLElement;
        dismiss: HTMLElement;
        credentials?: OfferView;
        organizationId?: OfferView;
        note?: HTMLElement;
      }
    | undefined;
  const build = () => {
    let header!: HTMLElement;
    let name!: HTMLElement;
    let dismiss!: HTMLElement;
    const stack = (
      <aside class="stack">
        <header ref={(e) => (header = e as HTMLElement)}>
          <strong ref={(e) => (name = e as HTMLElement)} />
          <button
            type="button"
            class="dismiss"
            onClick={() => {
              dismissed = true;
              shown = undefined;
              container.replaceChildren();
            }}
            ref={(e) => (dismiss = e as HTMLElement)}
          >
            ×
          </button>
        </header>
      </aside>
    ) as HTMLElement;
    return { ring: (<div class="ring" />) as HTMLElement, stack, header, name, dismiss };
  };

  return {
    update(props) {
      const { t } = props;
      const anything = props.organizationId || props.credentials || props.noDeveloperRole;
      if (dismissed || !anything) {
        shown = undefined;
        return container.replaceChildren();
      }
      shown ??= build();
      const view = shown;
      const rect = props.organizationId?.rect;
      if (rect)
        Object.assign(view.ring.style, {
          top: `${rect.top - 4}px`,
          left: `${rect.left - 4}px`,
          width: `${rect.width + 8}px`,
          height: `${rect.height + 8}px`,
        });
      place(container, [rect ? view.ring : undefined, view.stack]);

      setAttr(view.stack, 'aria-label', t('productName'));
      setText(view.name, t('productName'));
      setAttr(view.dismiss, 'aria-label', t('yokoyDismiss'));

      if (props.credentials) {
        view.credentials ??= createOffer('offer-credentials', 'yokoyCredentialsSaved');
        view.credentials.update(t, t('yokoySaveCredentialsHint'), t('yokoySaveCredentials'), props.onSaveCredentials);
      } else view.credentials = undefined;
      if (props.organizationId && !props.credentials) {
        view.organizationId ??= createOffer('offer-organization-id', 'yokoyIdSaved');
        view.organizationId.update(t, props.organizationId.value, t('yokoyUseThisId'), props.onUseOrganizationId);
      } else view.organizationId = undefined;
      const role = props.noDeveloperRole;
      if (role) {
        view.note ??= (<section class="panel" data-testid="no-developer-role" role="note" />) as HTMLElement;
        const words = t(role.variant === 'perk' ? 'perkNoAccountAdmin' : 'yokoyNoDeveloperRole', {
          admins: role.admins.length ? ` (${role.admins.join('; ')})` : '',
        });
        if (view.note.firstElementChild?.textContent !== words) view.note.replaceChildren(<p>{words}</p>);
      } else view.note = undefined;
      place(view.stack, [view.header, view.credentials?.el, view.organizationId?.el, view.note]);
    },
  };
}
