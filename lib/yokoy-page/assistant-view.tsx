/**
 * The companion's offers on Yokoy's pages, in a shadow root: "Use this ID" next to the
 * organization ID (outlined on the page), "Save to Yokoy Companion" while the one-time
 * credentials are shown, and what to ask for when the Developer role is missing. Nothing is
 * sent without the user's own click (the root's gate, lib/in-page/trusted.ts), and what is sent
 * waits for the user's confirmation in the popup.
 */
import { useState } from 'preact/hooks';
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

function outcomeText(t: T, answer: CaptureAnswer, savedKey: MessageKey): string {
  if (answer.outcome === 'refused') return t('yokoyCaptureRefused', { problem: answer.problem ?? '' });
  if (answer.outcome === 'pending-confirmation') return t('yokoyCapturePending');
  return savedKey === 'yokoyCredentialsSaved' && !answer.verified ? t('yokoyCredentialsSavedUnverified') : t(savedKey);
}

function Offer(props: { t: T; testId: string; text?: string; action: string; onAct: () => Promise<CaptureAnswer>; savedKey: MessageKey }) {
  const [result, setResult] = useState<string>();
  const [busy, setBusy] = useState(false);
  return (
    <section class="panel" data-testid={props.testId} aria-label={props.action}>
      {props.text ? <p>{props.text}</p> : null}
      <button
        type="button"
        class="primary"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          const answer = await props.onAct().catch((e: unknown) => ({ outcome: 'refused', problem: String(e) }) as CaptureAnswer);
          setResult(outcomeText(props.t, answer, props.savedKey));
          setBusy(false);
        }}
      >
        {props.action}
      </button>
      <p class="result" role="status" aria-live="polite">
        {result ?? ''}
      </p>
    </section>
  );
}

export function YokoyAssistant(props: AssistantProps) {
  const { t } = props;
  const [dismissed, setDismissed] = useState(false);
  if (dismissed) return null;
  const rect = props.organizationId?.rect;
  const anything = props.organizationId || props.credentials || props.noDeveloperRole;
  if (!anything) return null;
  return (
    <>
      {rect ? (
        <div
          class="ring"
          style={{ top: `${rect.top - 4}px`, left: `${rect.left - 4}px`, width: `${rect.width + 8}px`, height: `${rect.height + 8}px` }}
        />
      ) : null}
      <aside class="stack" aria-label={t('productName')}>
        <header>
          <strong>{t('productName')}</strong>
          <button type="button" class="dismiss" aria-label={t('yokoyDismiss')} onClick={() => setDismissed(true)}>
            ×
          </button>
        </header>
        {props.credentials ? (
          <Offer
            t={t}
            testId="offer-credentials"
            text={t('yokoySaveCredentialsHint')}
            action={t('yokoySaveCredentials')}
            onAct={props.onSaveCredentials}
            savedKey="yokoyCredentialsSaved"
          />
        ) : null}
        {props.organizationId && !props.credentials ? (
          <Offer
            t={t}
            testId="offer-organization-id"
            text={props.organizationId.value}
            action={t('yokoyUseThisId')}
            onAct={props.onUseOrganizationId}
            savedKey="yokoyIdSaved"
          />
        ) : null}
        {props.noDeveloperRole ? (
          <section class="panel" data-testid="no-developer-role" role="note">
            <p>
              {t(props.noDeveloperRole.variant === 'perk' ? 'perkNoAccountAdmin' : 'yokoyNoDeveloperRole', {
                admins: props.noDeveloperRole.admins.length ? ` (${props.noDeveloperRole.admins.join('; ')})` : '',
              })}
            </p>
          </section>
        ) : null}
      </aside>
    </>
  );
}
