/**
 * The export history: every job with its status, time, invoice, Yokoy link and reason;
 * filtered by status; "Retry failed"; CSV download. Invoice fields are untrusted text and are
 * only ever rendered as text.
 *
 * Costs stay flat with 100,000 jobs: the worker answers pages (PAGE rows, newest first, from
 * an index); the list renders only the rows in view plus a margin (fixed row height), and
 * loads the next page when the end comes near. It reloads when the worker pushes a change
 * (progress port), never on a timer. The CSV comes in pages streamed into one file.
 */
// Its words are a section of the app catalogue, joined when this view's chunk loads.
import '../lib/i18n/export';
import { useEffect, useRef, useState } from 'preact/hooks';
import { stateKeys } from '../lib/export/describe';
import { describeReason } from '../lib/failures/describe';
import type { JobState } from '../lib/export/job';
import type { Translate } from '../lib/i18n/app';
import type { Language } from '../lib/i18n';
import { formatDate, formatMoney } from '../lib/i18n/format';
import type { Ask } from '../lib/messaging/ask';
import type { HistoryEntry } from '../lib/messaging/protocol';
import { useProgressPush } from './useProgressPush';

const states = Object.keys(stateKeys) as JobState[];

/** Rows per page asked of the worker. */
const PAGE = 100;
/** Each row's height in px (styles: `.history li`); fixed, so the list's height is rows × ROW. */
export const ROW = 76;
/** Rows rendered above and below the ones in view. */
const MARGIN = 8;
/** After a pushed change, at most this many rows are reloaded from the top. */
const RELOAD_MAX = 1_000;

interface Loaded {
  entries: HistoryEntry[];
  next?: [number, string];
  /** The filter these rows answer (so a reader can tell a new filter's rows from the last ones). */
  state: JobState | '';
}

export function HistoryView({ t, ask, language }: { t: Translate; ask: Ask; language: Language }) {
  const [state, setState] = useState<JobState | ''>('');
  const [loaded, setLoaded] = useState<Loaded>();
  const [note, setNote] = useState<string>();
  const [scrollTop, setScrollTop] = useState(0);
  const [viewHeight, setViewHeight] = useState(360);
  const scroller = useRef<HTMLDivElement>(null);
  const loading = useRef(false);
  const generation = useRef(0);
  const revision = useRef<number | undefined>(undefined);
  const current = useRef<Loaded | undefined>(undefined);
  current.current = loaded;

  /** From the top: the first `limit` rows (a filter change, a pushed change). */
  const reload = async (limit = PAGE) => {
    const mine = ++generation.current;
    const answer = await ask({ type: 'export.history', state: state || undefined, limit });
    if (answer.ok && mine === generation.current) setLoaded({ entries: answer.value.entries, next: answer.value.next, state });
  };

  const loadMore = async () => {
    const have = current.current;
    if (loading.current || !have?.next) return;
    loading.current = true;
    const mine = generation.current;
    try {
      const answer = await ask({ type: 'export.history', state: state || undefined, limit: PAGE, after: have.next });
      if (answer.ok && mine === generation.current)
        setLoaded({ ...have, entries: [...have.entries, ...answer.value.entries], next: answer.value.next });
    } finally {
      loading.current = false;
    }
  };

  useEffect(() => {
    setLoaded(undefined);
    scroller.current?.scrollTo({ top: 0 });
    setScrollTop(0);
    void reload();
  }, [ask, state]);

  // A pushed change: reload what is shown (at most RELOAD_MAX rows), coalesced to one at a time.
  const reloading = useRef<Promise<void> | undefined>(undefined);
  const again = useRef(false);
  useProgressPush((push) => {
    if (revision.current === undefined || push.revision === revision.current) return void (revision.current = push.revision);
    revision.current = push.revision;
    if (reloading.current) return void (again.current = true);
    const run = async () => {
      do {
        again.current = false;
        await reload(Math.min(RELOAD_MAX, Math.max(PAGE, current.current?.entries.length ?? 0)));
      } while (again.current);
      reloading.current = undefined;
    };
    reloading.current = run();
  });

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setViewHeight(el.clientHeight || 360);
    measure();
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : undefined;
    observer?.observe(el);
    return () => observer?.disconnect();
  }, []);

  const entries = loaded?.entries ?? [];
  const first = Math.max(0, Math.floor(scrollTop / ROW) - MARGIN);
  const last = Math.min(entries.length, Math.ceil((scrollTop + viewHeight) / ROW) + MARGIN);
  // Near the end of what is loaded: ask for the next page.
  useEffect(() => {
    if (loaded?.next && last >= entries.length - MARGIN) void loadMore();
  }, [last, entries.length, loaded?.next]);

  async function retry() {
    const answer = await ask({ type: 'export.retryFailed' });
    if (answer.ok) setNote(t('exportStartedCount', { queued: answer.value.queued, already: 0 }));
    void reload();
  }

  /** Streams the CSV's pages into one file: no cap on rows, memory of one page at a time in the worker. */
  async function download() {
    const parts: string[] = [];
    let after: [number, string] | undefined;
    let fileName = 'yokoy-export-history.csv';
    let rows = 0;
    do {
      const answer = await ask({ type: 'export.csv', after });
      if (!answer.ok) return setNote(answer.failure.detail);
      parts.push(answer.value.csv);
      fileName = answer.value.fileName;
      after = answer.value.next;
      rows += answer.value.csv.split('\r\n').length - 1;
      if (after) setNote(t('historyCsvProgress', { rows: String(rows) }));
    } while (after);
    setNote(undefined);
    const url = URL.createObjectURL(new Blob(parts, { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  // The total is known once the last page is in (counting 100,000 jobs would hold up the first rows).
  const count = new Intl.NumberFormat(language).format(entries.length);
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
      {loaded && !entries.length ? (
        <p class="empty" data-testid="history-empty">
          {t('historyEmptyNext')}
        </p>
      ) : null}
      {loaded && entries.length ? (
        <p class="muted" data-testid="history-total">
          {t('historyTotal', { total: loaded.next ? `${count}+` : count })}
        </p>
      ) : null}
      <div
        class="history-scroll"
        ref={scroller}
        tabIndex={0}
        aria-labelledby="history-heading"
        data-testid="history-scroll"
        data-loaded={loaded ? String(entries.length) : undefined}
        data-filter={loaded?.state}
        data-more={loaded?.next ? 'true' : 'false'}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      >
        <ul class="history" data-testid="history-list" style={{ height: `${entries.length * ROW}px` }}>
          {entries.slice(first, last).map((e, i) => (
            <li
              key={e.id}
              data-state={e.state}
              data-document-id={e.documentId}
              aria-posinset={first + i + 1}
              aria-setsize={loaded?.next ? -1 : entries.length}
              style={{ top: `${(first + i) * ROW}px` }}
            >
              <div class="row">
                <strong class="number">{e.invoiceNumber ?? e.documentId}</strong>
                <span class={`state ${e.state}`}>{t(stateKeys[e.state])}</span>
              </div>
              <div class="row muted">
                <span class="supplier">{e.supplierName ?? ''}</span>
                <span class="amount" data-testid="history-amount">
                  {e.total !== undefined ? formatMoney(language, e.total, e.currency) : ''}
                </span>
                <time dateTime={new Date(e.updatedAt).toISOString()}>{formatDate(language, e.updatedAt, 'dateTime')}</time>
              </div>
              {e.yokoyLink ? (
                <a href={e.yokoyLink} target="_blank" rel="noreferrer noopener">
                  {t('historyOpenInYokoy')} · {e.yokoyInvoiceId}
                </a>
              ) : null}
              {e.reason && (e.state === 'failed' || e.state === 'queued') ? (
                <p class="message error reason" title={describeReason(t, e.reason)}>
                  {describeReason(t, e.reason)}
                </p>
              ) : null}
              {e.twins?.length ? (
                <p class="message warning reason" data-testid="twins">
                  {t(e.twinCause === 'two-uploads' ? 'historyTwinsTwoUploads' : 'historyTwins', { ids: e.twins.join(', ') })}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
