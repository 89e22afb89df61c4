/**
 * The popup's Export view: filters, a live preview count, Start / Pause / Resume / Cancel and
 * the run's progress. Bank statements are named plainly as something Yokoy cannot take.
 */
// Its words are a section of the app catalogue, joined when this view's chunk loads.
import '../lib/i18n/export';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { describeProblem } from '../lib/failures/describe';
import type { MessageKey, Translate } from '../lib/i18n/app';
import type { Language } from '../lib/i18n';
import type { Ask } from '../lib/messaging/ask';
import type { Answers, ExportFilters, ExportProgress } from '../lib/messaging/protocol';
import { ProgressBar } from './ProgressBar';
import { useProgressPush } from './useProgressPush';
import { noAnswer } from '../lib/failures/failure';

/** Asks once for the notification that says when a run ends (optional permission). */
async function requestNotifications(): Promise<void> {
  try {
    if (!(await browser.permissions.contains({ permissions: ['notifications'] })))
      await browser.permissions.request({ permissions: ['notifications'] });
  } catch {
    // Not granted or not supported: the popup and badge still show progress.
  }
}

/**
 * Banqup's document statuses (its help's names), the first being what Banqup's own connector
 * sends (approved purchase documents): the default, chosen when nothing else is.
 */
const documentStatuses = ['FULLY_APPROVED', 'AWAITING_VALIDATION', 'VALIDATED', 'REFUSED', 'DISPUTED', 'ANY'] as const;
const documentStatusKeys: Record<(typeof documentStatuses)[number], MessageKey> = {
  FULLY_APPROVED: 'exportStatusConnector',
  AWAITING_VALIDATION: 'exportStatusAwaitingValidation',
  VALIDATED: 'exportStatusValidated',
  REFUSED: 'exportStatusRefused',
  DISPUTED: 'exportStatusDisputed',
  ANY: 'exportStatusAll',
};
const payStatuses = ['', 'UNPAID', 'PARTIALLY_PAID', 'FULLY_PAID'] as const;
const payStatusKeys: Record<(typeof payStatuses)[number], MessageKey> = {
  '': 'exportPayAny',
  UNPAID: 'exportPayUnpaid',
  PARTIALLY_PAID: 'exportPayPartiallyPaid',
  FULLY_PAID: 'exportPayFullyPaid',
};

export function ExportView({ t, ask, language }: { t: Translate; ask: Ask; language: Language }) {
  const [filters, setFilters] = useState<ExportFilters>({});
  // `for`: the filters this count is for (a test or a screen reader can tell a stale count from a fresh one).
  const [preview, setPreview] = useState<(Answers['export.preview'] & { for?: string }) | undefined>();
  const [progress, setProgress] = useState<ExportProgress>();
  const [message, setMessage] = useState<{ tone: 'error' | 'note'; text: string }>();

  useEffect(() => {
    setPreview(undefined);
    const key = JSON.stringify(filters);
    const timer = setTimeout(
      () =>
        void ask({ type: 'export.preview', filters }).then((a) =>
          setPreview({ ...(a.ok ? a.value : { problem: noAnswer(a.failure) }), for: key }),
        ),
      250,
    );
    return () => clearTimeout(timer);
  }, [ask, JSON.stringify(filters)]);

  // Pushed by the worker on connect and after every change (no polling).
  useProgressPush((push) => setProgress(push.progress));

  const set = (patch: Partial<ExportFilters>) =>
    setFilters((f) => Object.fromEntries(Object.entries({ ...f, ...patch }).filter(([, v]) => v)) as ExportFilters);

  async function start() {
    setMessage(undefined);
    // The click is the gesture a permission request needs; a refusal only costs the notification.
    void requestNotifications();
    const answer = await ask({ type: 'export.start', filters });
    if (!answer.ok) return setMessage({ tone: 'error', text: describeProblem(t, noAnswer(answer.failure)) });
    if (answer.value.problem) return setMessage({ tone: 'error', text: describeProblem(t, answer.value.problem) });
    setMessage({ tone: 'note', text: t('exportStartedCount', { queued: answer.value.queued, already: answer.value.alreadyInYokoy }) });
  }
  const control = async (type: 'export.pause' | 'export.resume' | 'export.cancel') => {
    const answer = await ask({ type });
    if (answer.ok) setProgress(answer.value);
  };

  const field = (id: string, label: string, input: preact.JSX.Element) => (
    <div class="field">
      <label for={id}>{label}</label>
      {input}
    </div>
  );

  return (
    <section aria-labelledby="export-heading" data-testid="export-view">
      <h2 id="export-heading">{t('exportHeading')}</h2>
      <div class="grid">
        {field(
          'export-from',
          t('exportFrom'),
          <input id="export-from" type="date" value={filters.from ?? ''} onInput={(e) => set({ from: e.currentTarget.value })} />,
        )}
        {field(
          'export-to',
          t('exportTo'),
          <input id="export-to" type="date" value={filters.to ?? ''} onInput={(e) => set({ to: e.currentTarget.value })} />,
        )}
      </div>
      {field(
        'export-supplier',
        t('exportSupplier'),
        <input id="export-supplier" type="text" value={filters.supplier ?? ''} onInput={(e) => set({ supplier: e.currentTarget.value })} />,
      )}
      {field(
        'export-status',
        t('exportStatus'),
        <select
          id="export-status"
          aria-describedby="export-status-hint"
          value={filters.documentStatus ?? 'FULLY_APPROVED'}
          onChange={(e) => {
            const value = e.currentTarget.value as (typeof documentStatuses)[number];
            set({ documentStatus: value === 'FULLY_APPROVED' ? undefined : value });
          }}
        >
          {documentStatuses.map((s) => (
            <option value={s}>{t(documentStatusKeys[s])}</option>
          ))}
        </select>,
      )}
      <p class="muted small" id="export-status-hint" data-testid="export-status-hint">
        {t('exportStatusHint')}
      </p>
      {field(
        'export-pay',
        t('exportPayStatus'),
        <select
          id="export-pay"
          value={filters.payStatus ?? ''}
          onChange={(e) => set({ payStatus: (e.currentTarget.value || undefined) as ExportFilters['payStatus'] })}
        >
          {payStatuses.map((s) => (
            <option value={s}>{t(payStatusKeys[s])}</option>
          ))}
        </select>,
      )}
      <p class="muted" aria-live="polite" data-testid="export-preview" data-for={preview?.for ?? ''}>
        {!preview
          ? t('exportPreviewLoading')
          : preview.problem
            ? describeProblem(t, preview.problem)
            : t('exportPreviewCount', { count: preview.count ?? 0 })}
      </p>
      {preview?.bankStatements ? (
        <p class="message note" data-testid="bank-statements-note">
          {t('exportBankStatements', { count: preview.bankStatements })}
        </p>
      ) : null}
      <div class="actions">
        <button type="button" class="primary" onClick={start} disabled={!preview?.count} data-testid="export-start">
          {t('exportStart')}
        </button>
        {progress?.running ? (
          <button type="button" onClick={() => control('export.pause')} data-testid="export-pause">
            {t('exportPause')}
          </button>
        ) : null}
        {progress?.paused ? (
          <button type="button" onClick={() => control('export.resume')} data-testid="export-resume">
            {t('exportResume')}
          </button>
        ) : null}
        {progress && progress.remaining > 0 ? (
          <button type="button" class="danger" onClick={() => control('export.cancel')} data-testid="export-cancel">
            {t('exportCancel')}
          </button>
        ) : null}
      </div>
      <div aria-live="polite" data-testid="export-message">
        {message ? <p class={`message ${message.tone}`}>{message.text}</p> : null}
      </div>
      {progress && progress.total > 0 ? <ProgressBar t={t} progress={progress} language={language} /> : null}
    </section>
  );
}
