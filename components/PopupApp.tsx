/**
 * The popup: status first (the answer people open it for), then the credentials and the legal
 * entity. Loads both from the worker in parallel.
 */
import { useEffect, useState } from 'preact/hooks';
import { translator, type Language } from '../lib/i18n';
import type { Answers, CredentialsView, Request, Response } from '../lib/messaging/protocol';
import { CredentialsForm } from './CredentialsForm';
import { PendingCapture } from './PendingCapture';
import { StatusView } from './StatusView';

type Ask = <R extends Request>(request: R) => Promise<Response<Answers[R['type']]>>;

type Props = { language: Language; ask: Ask; openOptions: () => void };

export function PopupApp({ language, ask, openOptions }: Props) {
  const t = translator(language);
  const [version, setVersion] = useState<string>();
  const [view, setView] = useState<CredentialsView>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    void ask({ type: 'status' }).then((answer) => (answer.ok ? setVersion(answer.data.version) : setError(answer.error.message)));
    void ask({ type: 'credentials.get' }).then((answer) => (answer.ok ? setView(answer.data) : setError(answer.error.message)));
  }, [ask]);

  async function decide(adopt: boolean) {
    const answer = await ask({ type: 'credentials.adoptPending', adopt });
    if (answer.ok) setView(answer.data);
  }

  return (
    <main>
      <StatusView language={language} version={version} connection={view?.connection} error={error} />
      {view?.pending ? <PendingCapture t={t} onDecide={decide} /> : null}
      {view ? <CredentialsForm t={t} ask={ask} view={view} onView={setView} /> : null}
      <footer>
        <button type="button" class="link" onClick={openOptions}>
          {t('settings')}
        </button>
      </footer>
    </main>
  );
}
