/**
 * The Reconcile tab: a period and a legal entity in, one verdict per Banqup document out
 * (in Yokoy once, missing, more than once, ambiguous), the Yokoy invoices no document claimed,
 * a chart per month, and the actions: send the missing, tag the untagged matches, open any
 * document on either side, download the report. Everything comes from the worker.
 */
// Its words are two sections of the app catalogue (the page's, the export's), joined when this view's chunk loads.
import '../lib/i18n/export';
import '../lib/i18n/pages';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { describeProblem } from '../lib/failures/describe';
import { translator, type MessageKey } from '../lib/i18n/app';
import type { Language } from '../lib/i18n';
import type { Ask } from '../lib/messaging/ask';
import type { CredentialsView } from '../lib/messaging/protocol';
import { linkTo, type ReconcileReport, type ReconcileRow, type UnmatchedRow } from '../lib/reconcile/report';
import type { ReconcileProgress } from '../lib/reconcile/service';
import { ReconcileChart } from './ReconcileChart';
import { noAnswer } from '../lib/failures/failure';

type T = (key: MessageKey, params?: Record<string, string>) => string;

export type VerdictName = 'once-tagged' | 'once-untagged' | 'missing' | 'duplicate' | 'ambiguous';
export const verdictName = (row: ReconcileRow): VerdictName => (row.verdict.kind === 'once' ? `once-${row.verdict.how}` : row.verdict.kind);
const filters: ('' | VerdictName)[] = ['', 'missing', 'duplicate', 'ambiguous', 'once-untagged', 'once-tagged'];
const PAGE = 200;
const attention: VerdictName[] = ['missing', 'duplicate', 'ambiguous', 'once-untagged', 'once-tagged'];

const monthOf = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
function lastDay(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

export function ReconcileView({ language, ask, now = new Date() }: { language: Language; ask: Ask; now?: Date }) {
  const t = translator(language);
  const [credentials, setCredentials] = useState<CredentialsView>();
  const [from, setFrom] = useState(() => monthOf(new Date(now.getFullYear(), now.getMonth() - 1, 1)));
  const [to, setTo] = useState(() => monthOf(now));
  const [legalEntityId, setLegalEntityId] = useState<string>();
  const [progress, setProgress] = useState<ReconcileProgress>();
  const [report, setReport] = useState<ReconcileReport>();
  const [message, setMessage] = useState<{ tone: 'error' | 'note' | 'success'; text: string }>();
  const [filter, setFilter] = useState<'' | VerdictName>('');
  const [limit, setLimit] = useState(PAGE);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void ask({ type: 'credentials.get' }).then((a) => {
      if (!a.ok) return setMessage({ tone: 'error', text: describeProblem(t, noAnswer(a.failure)) });
      setCredentials(a.value);
      setLegalEntityId((current) => current ?? a.value.legalEntityId ?? a.value.legalEntities?.[0]?.id);
    });
  }, [ask]);

  // Progress is asked for only while a reconcile reads; the report once, when it is ready.
  useEffect(() => {
    if (progress?.phase !== 'reading' && progress?.phase !== 'matching') return;
    const timer = setTimeout(async () => {
      const answer = await ask({ type: 'reconcile.progress' });
      if (!answer.ok) return setMessage({ tone: 'error', text: describeProblem(t, noAnswer(answer.failure)) });
      if (answer.value.phase === 'done' && answer.value.reportId) {
        const full = await ask({ type: 'reconcile.report', reportId: answer.value.reportId });
        if (full.ok && full.value) setReport(full.value);
      }
      if (answer.value.phase === 'failed')
        setMessage({ tone: 'error', text: t('reconcileFailed', { reason: describeProblem(t, answer.value.problem) }) });
      setProgress(answer.value);
    }, 200);
    return () => clearTimeout(timer);
  }, [ask, progress]);

  async function run() {
    if (!legalEntityId) return;
    setMessage(undefined);
    setReport(undefined);
    setLimit(PAGE);
    const answer = await ask({ type: 'reconcile.start', from: `${from}-01`, to: lastDay(to), legalEntityId });
    if (!answer.ok) return setMessage({ tone: 'error', text: describeProblem(t, noAnswer(answer.failure)) });
    if (answer.value.problem) return setMessage({ tone: 'error', text: describeProblem(t, answer.value.problem) });
    if (!answer.value.started) setMessage({ tone: 'note', text: t('reconcileBusy') });
    setProgress({ phase: 'reading', banqupRead: 0, yokoyRead: 0 });
  }

  async function act(kind: 'reconcile.sendMissing' | 'reconcile.tagUntagged') {
    if (!report) return;
    setBusy(true);
    try {
      if (kind === 'reconcile.sendMissing') {
        const answer = await ask({ type: kind, reportId: report.id });
        if (!answer.ok) return setMessage({ tone: 'error', text: describeProblem(t, noAnswer(answer.failure)) });
        if (answer.value.problem) return setMessage({ tone: 'error', text: describeProblem(t, answer.value.problem) });
        setMessage({
          tone: 'success',
          text: t('reconcileSent', { queued: String(answer.value.queued), already: String(answer.value.alreadyInYokoy) }),
        });
      } else {
        const answer = await ask({ type: kind, reportId: report.id });
        if (!answer.ok) return setMessage({ tone: 'error', text: describeProblem(t, noAnswer(answer.failure)) });
        const c = answer.value;
        setMessage({
          tone: c.failed ? 'error' : 'success',
          text: t('reconcileTagged', { tagged: String(c.tagged), skipped: String(c.skipped), failed: String(c.failed) }),
        });
      }
    } finally {
      setBusy(false);
    }
  }

  async function downloadCsv() {
    if (!report) return;
    const answer = await ask({ type: 'reconcile.csv', reportId: report.id });
    if (!answer.ok || !answer.value) return setMessage({ tone: 'error', text: t('reconcileProblemStale') });
    const url = URL.createObjectURL(new Blob([answer.value.csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = answer.value.fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  const reading = progress?.phase === 'reading' || progress?.phase === 'matching';
  const counts = useMemo(() => {
    const c: Record<VerdictName, number> = { 'once-tagged': 0, 'once-untagged': 0, missing: 0, duplicate: 0, ambiguous: 0 };
    for (const row of report?.rows ?? []) c[verdictName(row)]++;
    return c;
  }, [report]);
  // What needs a person's attention first, then by date.
  const shown = useMemo(
    () =>
      (report?.rows ?? [])
        .filter((r) => !filter || verdictName(r) === filter)
        .sort(
          (a, b) => attention.indexOf(verdictName(a)) - attention.indexOf(verdictName(b)) || (a.date ?? '').localeCompare(b.date ?? ''),
        ),
    [report, filter],
  );

  const entities = credentials?.legalEntities ?? [];
  return (
    <main class="reconcile">
      <h1>{t('reconcileTitle')}</h1>
      <p class="muted">{t('reconcileIntro')}</p>
      <form
        class="reconcile-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <div class="field">
          <label for="reconcile-from">{t('reconcileFrom')}</label>
          <input id="reconcile-from" type="month" required value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="reconcile-to">{t('reconcileTo')}</label>
          <input id="reconcile-to" type="month" required value={to} onInput={(e) => setTo(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="reconcile-entity">{t('reconcileLegalEntity')}</label>
          <select id="reconcile-entity" value={legalEntityId ?? ''} onChange={(e) => setLegalEntityId(e.currentTarget.value)}>
            {entities.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="primary" disabled={reading || !legalEntityId} data-testid="reconcile-run">
          {t('reconcileRun')}
        </button>
      </form>

      <div aria-live="polite" data-testid="reconcile-status">
        {reading ? (
          <p class="muted" data-testid="reconcile-progress">
            {progress?.phase === 'matching'
              ? t('reconcileMatching')
              : t('reconcileReading', {
                  banqup: String(progress?.banqupRead ?? 0),
                  banqupTotal: progress?.banqupTotal === undefined ? '…' : String(progress.banqupTotal),
                  yokoy: String(progress?.yokoyRead ?? 0),
                })}
          </p>
        ) : null}
        {message ? (
          <p class={`message ${message.tone}`} data-testid="reconcile-message">
            {message.text}
          </p>
        ) : null}
      </div>

      {report ? (
        <section aria-labelledby="reconcile-summary" data-testid="reconcile-report" data-report={report.id}>
          <p id="reconcile-summary" class="summary" data-testid="reconcile-summary">
            {report.rows.length === 0
              ? t('reconcileNothing')
              : t('reconcileSummary', {
                  total: String(report.totals.inBanqup),
                  once: String(counts['once-tagged'] + counts['once-untagged']),
                  missing: String(counts.missing),
                  duplicated: String(counts.duplicate),
                  ambiguous: String(counts.ambiguous),
                })}
          </p>
          <div class="actions">
            <button
              type="button"
              class="primary"
              disabled={busy || !counts.missing || !report.canSend}
              onClick={() => void act('reconcile.sendMissing')}
              data-testid="reconcile-send-missing"
            >
              {t('reconcileSendMissing', { count: String(counts.missing) })}
            </button>
            <button
              type="button"
              disabled={busy || !counts['once-untagged']}
              onClick={() => void act('reconcile.tagUntagged')}
              data-testid="reconcile-tag"
            >
              {t('reconcileTagUntagged', { count: String(counts['once-untagged']) })}
            </button>
            <button type="button" onClick={() => void downloadCsv()} data-testid="reconcile-csv">
              {t('reconcileDownloadCsv')}
            </button>
          </div>
          {!report.canSend && counts.missing ? <p class="message warning">{t('reconcileCannotSend')}</p> : null}

          <h2>{t('reconcileChartHeading')}</h2>
          <ReconcileChart t={t} language={language} months={report.months} />

          <div class="field inline">
            <label for="reconcile-filter">{t('reconcileFilter')}</label>
            <select
              id="reconcile-filter"
              value={filter}
              onChange={(e) => (setFilter(e.currentTarget.value as '' | VerdictName), setLimit(PAGE))}
            >
              {filters.map((f) => (
                <option key={f} value={f}>
                  {f ? `${verdictLabel(t, f)} (${counts[f]})` : `${t('reconcileFilterAll')} (${report.rows.length})`}
                </option>
              ))}
            </select>
          </div>
          {counts.duplicate ? <p class="message warning">{t('reconcileDuplicateHint')}</p> : null}
          <table class="rows" data-testid="reconcile-rows">
            <thead>
              <tr>
                <th scope="col">{t('reconcileColumnDocument')}</th>
                <th scope="col">{t('reconcileColumnVerdict')}</th>
                <th scope="col">{t('reconcileColumnLinks')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.slice(0, limit).map((row) => (
                <Row key={row.documentId} t={t} language={language} row={row} report={report} />
              ))}
            </tbody>
          </table>
          {shown.length > limit ? (
            <button type="button" class="link" onClick={() => setLimit((l) => l + PAGE)}>
              {t('reconcileShowMore', { count: String(Math.min(PAGE, shown.length - limit)) })}
            </button>
          ) : null}

          <h2>{t('reconcileUnmatchedHeading', { count: String(report.unmatched.length) })}</h2>
          <p class="muted">{t('reconcileUnmatchedHint')}</p>
          <ul class="unmatched" data-testid="reconcile-unmatched">
            {report.unmatched.slice(0, limit).map((u) => (
              <Unmatched key={u.invoiceId} t={t} language={language} row={u} report={report} />
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}

function verdictLabel(t: T, name: VerdictName, count = 0): string {
  switch (name) {
    case 'once-tagged':
      return t('reconcileVerdictOnceTagged');
    case 'once-untagged':
      return t('reconcileVerdictOnceUntagged');
    case 'missing':
      return t('reconcileVerdictMissing');
    case 'duplicate':
      return count ? t('reconcileVerdictDuplicate', { count: String(count) }) : t('reconcileSeriesDuplicated');
    case 'ambiguous':
      return count ? t('reconcileVerdictAmbiguous', { count: String(count) }) : t('reconcileFilterAmbiguous');
  }
}

function amount(language: string, value: number | undefined, currency: string | undefined): string {
  if (value === undefined) return '';
  try {
    return currency
      ? new Intl.NumberFormat(language, { style: 'currency', currency }).format(value)
      : new Intl.NumberFormat(language).format(value);
  } catch {
    return `${new Intl.NumberFormat(language).format(value)} ${currency ?? ''}`.trim();
  }
}

function day(language: string, iso: string | undefined): string {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso ?? '';
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}

function YokoyLink({ report, id, label }: { report: ReconcileReport; id: string; label: string }) {
  const href = linkTo(report.yokoyInvoiceUrl, id);
  return href ? (
    <a href={href} target="_blank" rel="noopener noreferrer" data-invoice-id={id}>
      {label}
    </a>
  ) : (
    <span data-invoice-id={id}>{id}</span>
  );
}

function Row({ t, language, row, report }: { t: T; language: string; row: ReconcileRow; report: ReconcileReport }) {
  const v = row.verdict;
  const name = verdictName(row);
  const banqup = linkTo(report.banqupDocumentUrl, row.documentId);
  return (
    <tr data-document-id={row.documentId} data-verdict={name}>
      <td>
        <span class="number">{row.number ?? row.documentId}</span>
        {row.creditNote ? <span class="badge"> · {t('reconcileCreditNote')}</span> : null}
        <br />
        <span class="muted">
          {[row.supplier, day(language, row.date), amount(language, row.gross, row.currency)].filter(Boolean).join(' · ')}
        </span>
      </td>
      <td class={`verdict ${name}`}>
        {verdictLabel(t, name, v.kind === 'duplicate' ? v.copies.length + 1 : v.kind === 'ambiguous' ? v.candidates.length : 0)}
        {v.kind === 'duplicate' ? (
          <ul class="copies" data-testid="duplicate-copies">
            <li data-role="keep">
              {t('reconcileKeep')}: <YokoyLink report={report} id={v.keep} label={v.keep} />
            </li>
            {v.copies.map((id) => (
              <li key={id} data-role="delete">
                <YokoyLink report={report} id={id} label={`${t('reconcileDeleteCopy')} (${id})`} />
              </li>
            ))}
          </ul>
        ) : null}
      </td>
      <td class="links">
        {banqup ? (
          <a href={banqup} target="_blank" rel="noopener noreferrer" data-testid="open-banqup">
            {t('reconcileOpenBanqup')}
          </a>
        ) : null}
        {v.kind === 'once' ? (
          <>
            {' · '}
            <YokoyLink report={report} id={v.invoiceId} label={t('reconcileOpenYokoy')} />
          </>
        ) : null}
        {v.kind === 'ambiguous'
          ? v.candidates.map((id) => (
              <>
                {' · '}
                <YokoyLink key={id} report={report} id={id} label={id} />
              </>
            ))
          : null}
      </td>
    </tr>
  );
}

const unmatchedKeys: Record<UnmatchedRow['reason'], MessageKey> = {
  'no-document': 'reconcileUnmatchedNoDocument',
  'tagged-elsewhere': 'reconcileUnmatchedTaggedElsewhere',
  'possible-copy': 'reconcileUnmatchedPossibleCopy',
};

function Unmatched({ t, language, row, report }: { t: T; language: string; row: UnmatchedRow; report: ReconcileReport }) {
  return (
    <li data-invoice-id={row.invoiceId} data-reason={row.reason}>
      <span class="number">{row.number ?? row.invoiceId}</span> ·{' '}
      <span class="muted">
        {[day(language, row.date), amount(language, row.gross, row.currency), t(unmatchedKeys[row.reason])].filter(Boolean).join(' · ')}
      </span>{' '}
      <YokoyLink report={report} id={row.invoiceId} label={t('reconcileOpenYokoy')} />
    </li>
  );
}
