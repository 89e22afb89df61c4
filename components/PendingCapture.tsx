/**
 * Values captured on Yokoy's page wait here for the user (issue 12): what would change, said
 * plainly (lib/connection/pending.ts), and the current credentials kept until "Use the new ones".
 * The popup is an extension page: no web page can script it.
 */
import { describePending } from '../lib/connection/pending';
import type { MessageKey } from '../lib/i18n/app';
import type { CredentialsView } from '../lib/messaging/protocol';

type Props = { t: (key: MessageKey, params?: Record<string, string>) => string; view: CredentialsView; onDecide: (adopt: boolean) => void };

export function PendingCapture({ t, view, onDecide }: Props) {
  const change = describePending(view);
  if (!change) return null;
  const none = t('pendingNone');
  const lines = [
    change.organizationId && t('pendingChangeOrganization', { from: change.organizationId.from ?? none, to: change.organizationId.to }),
    change.clientId && t('pendingChangeClientId', { from: change.clientId.from ?? none, to: change.clientId.to }),
    change.secret && t('pendingChangeSecret'),
    change.legalEntity.kind === 'kept' && t('pendingEntityKept', { name: change.legalEntity.name }),
    change.legalEntity.kind === 'chosen-again' && t('pendingEntityAgain', { name: change.legalEntity.from ?? none }),
  ].filter((l): l is string => Boolean(l));
  return (
    <div class="pending" role="region" aria-label={t('pendingTitle')} data-testid="pending-capture">
      <p>
        <strong>{t('pendingTitle')}</strong>
      </p>
      <ul data-testid="pending-changes">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p>{t('pendingKeepsCurrent')}</p>
      <div class="actions">
        <button type="button" class="primary" data-testid="pending-adopt" onClick={() => onDecide(true)}>
          {t('pendingAdopt')}
        </button>
        <button type="button" data-testid="pending-discard" onClick={() => onDecide(false)}>
          {t('pendingDiscard')}
        </button>
      </div>
    </div>
  );
}
