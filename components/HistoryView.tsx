/**
 * The export history: every job with its status, time, invoice, Yokoy link and reason;
 * filtered by status; "Retry failed"; CSV download. Invoice fields are untrusted text and are
 * only ever rendered as text.
 */
import { useEffect, useState } from 'preact/hooks';
import { describeReason, stateKeys } from '../lib/export/describe';
import type { JobState } from '../lib/export/job';
import type { MessageKey } from '../lib/i18n';
import type { Answers, HistoryEntry, Request, Response } from '../lib/messaging/protocol';

type Ask = <R extends Request>(request: R) => Promise<Response<Answers[R['type']]>>;
type T = (key: MessageKey, params?: Record<string, string>) => string;

const states = Object.keys(stateKeys) as JobState[];

export function HistoryView({ t, ask, language }: { t: T; ask: Ask; language: string }) {
  const [state, setState] = useState<JobState | ''>('');
  const [entries, setEntries] = useState<HistoryEntry[]>();
  const [note, setNote] = useState<string>();

  const load = async () => {
    const answer = await ask({ type: 'export.history', state: state || undefined, limit: 500 });
    if (answer.ok) setEntries(answer.data);
  };
  useEffect(() => {
    void load();
    const interval = setInterval(load, 1_000);
    return () => clearInterval(interval);
  }, [ask, state]);

  async function retry() {
    const answer = await ask({ type: 'export.retryFailed' });
    if (answer.ok) setNote(t('exportStarted', { queued: String(answer.data.queued), already: '0' }));
    void load();
  }

  async function download() {
    const answer = await ask({ type: 'export.csv' });
    if (!answer.ok) return;
    const url = URL.createObjectURL(new Blob([answer.data.csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = answer.data.fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  const time = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <section aria-labelledby="history-heading" data-testid="history-view">
      <h2 id="history-heading">{t('historyHeading')}</h2>
      <div class="actions">
        <label for="history-filter">{t('historyFilter')}</label>
        <select id="history-filter" value={state} onChange={(e) => setState(e.currentTarget.value as JobState | '')}>
          <option value="">{t('historyAll')}</option>
          {states.map((s) => (
            <option value={s}>{t(stateKeys[s])}</option>
          ))}
        </select>
        <button type="button" onClick={retry} data-testid="retry-failed">
          {t('historyRetryFailed')}
        </button>
        <button type="button" onClick={download} data-testid="download-csv">
          {t('historyDownloadCsv')}
        </button>
      </div>
      <p aria-live="polite" class="muted">
        {note ?? ''}
      </p>
      {entries && !entries.length ? <p class="muted">{t('historyEmpty')}</p> : null}
      <ul class="history" data-testid="history-list">
        {(entries ?? []).map((e) => (
          <li key={e.id} data-state={e.state} data-document-id={e.documentId}>
            <div class="row">
              <strong class="number">{e.invoiceNumber ?? e.documentId}</strong>
              <span class={`state ${e.state}`}>{t(stateKeys[e.state])}</span>
            </div>
            <div class="row muted">
              <span class="supplier">{e.supplierName ?? ''}</span>
              <span>{e.total !== undefined ? `${e.total.toFixed(2)} ${e.currency ?? ''}` : ''}</span>
              <time dateTime={new Date(e.updatedAt).toISOString()}>{time.format(e.updatedAt)}</time>
            </div>
            {e.yokoyLink ? (
              <a href={e.yokoyLink} target="_blank" rel="noreferrer noopener">
                {t('historyOpenInYokoy')} · {e.yokoyInvoiceId}
              </a>
            ) : null}
            {e.reason && (e.state === 'failed' || e.state === 'queued') ? <p class="message error reason">{describeReason(t, e.reason)}</p> : null}
            {e.twins?.length ? <p class="message warning reason" data-testid="twins">{t(e.twinCause === 'two-uploads' ? 'historyTwinsTwoUploads' : 'historyTwins', { ids: e.twins.join(', ') })}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
