/** The popup's status block: version and connection state as the background reports them. */
import { useLayoutEffect } from 'preact/hooks';
import type { Language } from '../lib/i18n';
import { translator } from '../lib/i18n/app';
import type { ConnectionState } from '../lib/messaging/protocol';
import { STATUS_SHOWN_MARK } from '../lib/ui/marks';
import { describeFailure } from '../lib/yokoy-api/describe-failure';

type Props = { language: Language; version?: string; connection?: ConnectionState; error?: string };

export function StatusView({ language, version, connection, error }: Props) {
  const t = translator(language);
  let state = 'loading';
  let text = t('statusLoading');
  if (error) {
    state = 'error';
    text = t('statusUnavailable', { reason: error });
  } else if (connection) {
    state = connection.state;
    text =
      connection.state === 'verified'
        ? connection.legalEntityName
          ? t('statusVerifiedEntity', { legalEntity: connection.legalEntityName })
          : t('statusVerified', { organizationId: connection.organizationId })
        : connection.state === 'failing'
          ? t('statusFailing', { reason: describeFailure(t, connection, connection) })
          : connection.state === 'unverified'
            ? t('statusUnverified')
            : t('statusNotSetUp');
  }
  // Marked once, when the worker's answer first replaces "checking": after the DOM has it, before
  // the browser paints it (a layout effect), the moment bench/popup-open.ts's observer stamps.
  const shown = state !== 'loading';
  useLayoutEffect(() => {
    if (shown && performance.getEntriesByName(STATUS_SHOWN_MARK).length === 0) performance.mark(STATUS_SHOWN_MARK);
  }, [shown]);
  return (
    <header>
      <div class="app-header">
        {/* Decorative: the product name is the heading's text. */}
        <img class="logo" src="/icon/48.png" alt="" width={28} height={28} />
        <div class="titles">
          <h1>{t('productName')}</h1>
          <p class="muted" data-testid="version">
            {version ? t('version', { version }) : '\u00a0'}
          </p>
        </div>
      </div>
      <h2>{t('statusHeading')}</h2>
      <p class="status" data-testid="connection-status" data-state={state} role="status" aria-live="polite">
        {text}
      </p>
    </header>
  );
}
