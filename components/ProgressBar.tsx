/**
 * An export run's progress, said the way a person wants to know it: done of total, how fast,
 * how long still, what waits and why (Yokoy's rate limit, a retry, signed out of Banqup, a
 * pause with its reason), and a finish state with the outcome. Rate and time left come from
 * the progress answer's own clock (`startedAt`, `at`), so the view needs no timer of its own.
 */
// Its words are a section of the app catalogue, joined when this view's chunk loads.
import '../lib/i18n/export';
import { describeReason } from '../lib/failures/describe';
import type { Translate } from '../lib/i18n/app';
import type { Language } from '../lib/i18n';
import { formatDate, formatDuration, formatPercent } from '../lib/i18n/format';
import type { ExportProgress } from '../lib/messaging/protocol';

/** Invoices per minute and the time left, once enough has happened to say (undefined before). */
export function pace(progress: ExportProgress): { perMinute: number; leftMs: number } | undefined {
  const handled = progress.total - progress.remaining;
  if (!progress.startedAt || !progress.at || handled < 1) return undefined;
  const elapsed = progress.at - progress.startedAt;
  if (elapsed < 2_000) return undefined;
  const perMs = handled / elapsed;
  return { perMinute: perMs * 60_000, leftMs: progress.remaining / perMs };
}

export function ProgressBar({ t, progress, language }: { t: Translate; progress: ExportProgress; language: Language }) {
  const handled = progress.total - progress.remaining;
  const fraction = progress.total ? handled / progress.total : 0;
  const label = t('exportProgress', { done: handled, total: progress.total });
  const finished = progress.total > 0 && progress.remaining === 0;
  const phase = finished ? 'finished' : progress.paused ? 'paused' : 'running';
  const speed = !finished ? pace(progress) : undefined;
  const waiting = !finished ? progress.waiting : undefined;
  const nextTry = waiting?.nextAttemptAt ? formatDate(language, waiting.nextAttemptAt, 'time') : '';
  return (
    <div
      class="progress"
      data-testid="export-progress"
      data-run={progress.runId}
      data-phase={phase}
      data-failed={progress.failed > 0 ? 'true' : undefined}
    >
      <div class="headline">
        <span>{label}</span>
        <span>{formatPercent(language, fraction)}</span>
      </div>
      <div class="bar" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={progress.total} aria-valuenow={handled}>
        <span style={{ width: `${100 * fraction}%` }} />
      </div>
      {finished ? (
        <>
          <p class="finish" data-testid="export-finished">
            {t('progressFinished', { sent: progress.done, duplicate: progress.duplicate })}
          </p>
          {progress.failed ? (
            <p class="message error" data-testid="export-finished-failed">
              {t('progressFinishedFailed', { failed: progress.failed })}
            </p>
          ) : null}
        </>
      ) : progress.paused ? (
        <p class="muted">{t('exportPaused')}</p>
      ) : (
        <p class="muted facts" data-testid="export-pace">
          {speed ? (
            <>
              <span data-testid="export-rate">
                {t('progressRate', { rate: speed.perMinute < 10 ? Math.round(speed.perMinute * 10) / 10 : Math.round(speed.perMinute) })}
              </span>
              <span data-testid="export-time-left">{t('progressTimeLeft', { duration: formatDuration(language, speed.leftMs) })}</span>
            </>
          ) : (
            <span>{t('progressStarting')}</span>
          )}
        </p>
      )}
      {progress.paused && progress.pauseReason ? (
        <p class="message error" role="alert" data-testid="pause-reason">
          {t('exportPausedBecause', { reason: describeReason(t, progress.pauseReason) })}
        </p>
      ) : null}
      {!finished && progress.waitingForBanqup ? (
        <p class="message warning waiting" data-testid="waiting-for-banqup">
          {t('exportWaitingForBanqup')}
        </p>
      ) : null}
      {waiting?.rateLimited ? (
        <p class="message warning waiting" data-testid="waiting-rate-limit">
          {t('progressWaitingRateLimit', { count: waiting.rateLimited, time: nextTry })}
        </p>
      ) : null}
      {waiting?.retrying ? (
        <p class="message note waiting" data-testid="waiting-retry">
          {t('progressRetrying', { count: waiting.retrying, time: nextTry })}
        </p>
      ) : null}
      <p class="muted" data-testid="export-progress-detail">
        {t('exportProgressDetail', {
          sent: progress.done,
          duplicate: progress.duplicate,
          failed: progress.failed,
          remaining: progress.remaining,
        })}
      </p>
    </div>
  );
}
