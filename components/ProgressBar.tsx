/** An export run's progress: a bar with the counts in words (shared by popup and overlay). */
import { describeReason } from '../lib/export/describe';
import type { MessageKey } from '../lib/i18n';
import type { ExportProgress } from '../lib/messaging/protocol';

type T = (key: MessageKey, params?: Record<string, string>) => string;

export function ProgressBar({ t, progress }: { t: T; progress: ExportProgress }) {
  const handled = progress.total - progress.remaining;
  const label = t('exportProgress', { done: String(handled), total: String(progress.total) });
  return (
    <div class="progress" data-testid="export-progress" data-run={progress.runId}>
      <div
        class="bar"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={handled}
      >
        <span style={{ width: `${progress.total ? (100 * handled) / progress.total : 0}%` }} />
      </div>
      <p class="muted">
        {label}
        {progress.paused ? ` · ${t('exportPaused')}` : ''}
      </p>
      {progress.paused && progress.pauseReason ? (
        <p class="message error" role="alert" data-testid="pause-reason">
          {t('exportPausedBecause', { reason: describeReason(t, progress.pauseReason) })}
        </p>
      ) : null}
      {progress.waitingForBanqup ? (
        <p class="message warning" data-testid="waiting-for-banqup">
          {t('exportWaitingForBanqup')}
        </p>
      ) : null}
      <p class="muted" data-testid="export-progress-detail">
        {t('exportProgressDetail', {
          sent: String(progress.done),
          duplicate: String(progress.duplicate),
          failed: String(progress.failed),
          remaining: String(progress.remaining),
        })}
      </p>
    </div>
  );
}
