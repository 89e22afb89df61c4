/** Credentials captured on Yokoy's page while a verified connection exists: the user decides. */
import type { MessageKey } from '../lib/i18n';

type Props = { t: (key: MessageKey) => string; onDecide: (adopt: boolean) => void };

export function PendingCapture({ t, onDecide }: Props) {
  return (
    <div class="pending" role="region" aria-label={t('pendingCapture')} data-testid="pending-capture">
      <p>{t('pendingCapture')}</p>
      <div class="actions">
        <button type="button" class="primary" onClick={() => onDecide(true)}>
          {t('pendingAdopt')}
        </button>
        <button type="button" onClick={() => onDecide(false)}>
          {t('pendingDiscard')}
        </button>
      </div>
    </div>
  );
}
