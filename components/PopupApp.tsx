/**
 * The popup: status first (the answer people open it for), then three tabs: the connection
 * (credentials, legal entity), the export and its history. Loads from the worker in parallel.
 * The export and history tabs are a chunk of their own (components/later-tabs.ts), fetched ahead
 * of a click, so the first view paints without them.
 */
import { useEffect, useState } from 'preact/hooks';
import { translator } from '../lib/i18n/app';
import type { Language } from '../lib/i18n';
import type { Ask } from '../lib/messaging/ask';
import type { Answers, CredentialsView, Response, StatusAnswer } from '../lib/messaging/protocol';
import { CredentialsForm } from './CredentialsForm';
import { Icon } from './Icon';
import { type LaterTabs, loadLaterTabs } from './later-tabs';
import { PendingCapture } from './PendingCapture';
import { StatusView } from './StatusView';
import { Tabs } from './Tabs';

export type PopupTab = 'connection' | 'export' | 'history';

/** Requests sent before the first render (entrypoints/popup/main.tsx), so their answers race the render, not follow it. */
export interface EarlyAnswers {
  status: Promise<Response<Answers['status']>>;
  credentials: Promise<Response<Answers['credentials.get']>>;
}

type Props = {
  language: Language;
  ask: Ask;
  openOptions: () => void;
  openImport?: () => void;
  openReconcile?: () => void;
  initialTab?: PopupTab;
  early?: EarlyAnswers;
};

export function PopupApp({ language, ask, openOptions, openImport, openReconcile, initialTab = 'connection', early }: Props) {
  const t = translator(language);
  const [version, setVersion] = useState<string>();
  const [status, setStatus] = useState<StatusAnswer['connection']>();
  const [view, setView] = useState<CredentialsView>();
  const [error, setError] = useState<string>();
  const [tab, setTab] = useState<PopupTab>(initialTab);
  const [later, setLater] = useState<LaterTabs>();
  const fetchLater = () => void loadLaterTabs(language).then(setLater, () => undefined);

  // A later tab opened (or asked for by ?view=) needs its chunk now.
  useEffect(() => {
    if (tab !== 'connection') fetchLater();
  }, [tab]);
  // Otherwise fetched once the status is on screen and the popup is idle: a switch is then instant.
  useEffect(() => {
    if (status === undefined && error === undefined) return;
    const idle = requestIdleCallback(fetchLater);
    return () => cancelIdleCallback(idle);
  }, [status === undefined && error === undefined]);

  useEffect(() => {
    // The status answers first (it is what people open the popup for); details follow.
    void (early?.status ?? ask({ type: 'status' })).then((answer) => {
      if (!answer.ok) return setError(answer.failure.detail);
      setVersion(answer.value.version);
      setStatus(answer.value.connection);
    });
    void (early?.credentials ?? ask({ type: 'credentials.get' })).then((answer) =>
      answer.ok ? setView(answer.value) : setError(answer.failure.detail),
    );
  }, [ask]);

  // The form keeps what was typed; after a decision it starts again from the stored values.
  const [decided, setDecided] = useState(0);
  async function decide(adopt: boolean) {
    const answer = await ask({ type: 'credentials.adoptPending', adopt });
    if (answer.ok) {
      setView(answer.value);
      setDecided((n) => n + 1);
    }
  }

  return (
    <main>
      <StatusView language={language} version={version} connection={view?.connection ?? status} error={error} />
      {view?.pending ? <PendingCapture t={t} view={view} onDecide={decide} /> : null}
      <Tabs
        current={tab}
        onChange={setTab}
        onIntent={(key) => key !== 'connection' && fetchLater()}
        busy={tab !== 'connection' && !later}
        tabs={[
          { key: 'connection', label: t('tabConnection') },
          { key: 'export', label: t('tabExport') },
          { key: 'history', label: t('tabHistory') },
        ]}
      >
        {tab === 'connection' && view ? <CredentialsForm key={decided} t={t} ask={ask} view={view} onView={setView} /> : null}
        {tab === 'export' && later ? <later.ExportTab t={t} ask={ask} language={language} /> : null}
        {tab === 'history' && later ? <later.HistoryTab t={t} ask={ask} language={language} /> : null}
      </Tabs>
      <footer class="actions">
        <button type="button" class="link" onClick={() => void ask({ type: 'guide.open' })} data-testid="open-guide">
          <Icon name="guide" />
          {t('setUpInBanqup')}
        </button>
        {openImport ? (
          <button type="button" class="link" onClick={openImport} data-testid="open-import">
            {t('importOpen')}
          </button>
        ) : null}
        {openReconcile ? (
          <button type="button" class="link" onClick={openReconcile} data-testid="open-reconcile">
            {t('reconcileOpen')}
          </button>
        ) : null}
        <button type="button" class="link" onClick={openOptions}>
          <Icon name="settings" />
          {t('settings')}
        </button>
      </footer>
    </main>
  );
}
