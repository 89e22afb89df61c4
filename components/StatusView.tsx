/** The popup's status block: version and connection state as the background reports them. */
import { useEffect, useState } from 'preact/hooks';
import { translator, type Language } from '../lib/i18n';
import type { Response, StatusAnswer } from '../lib/messaging/protocol';

type Props = { language: Language; load: () => Promise<Response<StatusAnswer>> };

export function StatusView({ language, load }: Props) {
  const t = translator(language);
  const [answer, setAnswer] = useState<Response<StatusAnswer> | undefined>();
  useEffect(() => {
    void load().then(setAnswer);
  }, [load]);

  let state = 'loading';
  let text = t('statusLoading');
  if (answer && !answer.ok) {
    state = 'error';
    text = t('statusUnavailable', { reason: answer.error.message });
  } else if (answer?.ok) {
    const connection = answer.data.connection;
    state = connection.state;
    text =
      connection.state === 'verified'
        ? t('statusVerified', { organizationId: connection.organizationId })
        : connection.state === 'failing'
          ? t('statusFailing', { reason: connection.reason })
          : t('statusNotSetUp');
  }
  return (
    <main>
      <h1>{t('productName')}</h1>
      <p class="muted" data-testid="version">
        {answer?.ok ? t('version', { version: answer.data.version }) : '\u00a0'}
      </p>
      <h2>{t('statusHeading')}</h2>
      <p class="status" data-testid="connection-status" data-state={state} role="status" aria-live="polite">
        {text}
      </p>
    </main>
  );
}
