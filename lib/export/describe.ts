/** Job states and reasons in the user's language. */
import type { MessageKey } from '../i18n/app';
import type { YokoyFailureKind } from '../yokoy-api/errors';
import { describeFailure } from '../yokoy-api/describe-failure';
import type { JobReason, JobState } from './job';

type T = (key: MessageKey, params?: Record<string, string>) => string;

export const stateKeys: Record<JobState, MessageKey> = {
  queued: 'stateQueued',
  fetching: 'stateFetching',
  uploading: 'stateUploading',
  done: 'stateDone',
  duplicate: 'stateDuplicate',
  failed: 'stateFailed',
  cancelled: 'stateCancelled',
};

export function describeReason(t: T, reason: JobReason | undefined): string {
  if (!reason) return '';
  const [source, kind = ''] = reason.code.split(':');
  if (reason.code === 'yokoy:legal-entity-gone') return describeFailure(t, { kind: 'legal-entity-gone' });
  if (source === 'yokoy') return describeFailure(t, { kind: kind as YokoyFailureKind, detail: reason.detail });
  if (reason.code === 'banqup:signed-out') return t('reasonBanqupSignedOut');
  if (reason.code === 'banqup:not-found') return t('reasonBanqupNotFound');
  if (reason.code === 'banqup:not-an-invoice') return t('reasonNotAnInvoice');
  if (reason.code === 'banqup:not-a-pdf') return t('reasonNotAPdf');
  if (reason.code === 'export:ambiguous-match') return t('reasonAmbiguousMatch', { detail: reason.detail ?? '' });
  if (source === 'banqup') return t('reasonBanqupOther', { code: kind });
  return t('reasonInternal');
}

export function describeProblem(t: T, problem: string | undefined): string {
  if (!problem) return '';
  if (problem === 'no-legal-entity') return t('exportNeedsLegalEntity');
  if (problem === 'not-verified') return t('exportNeedsVerification');
  if (problem === 'banqup:signed-out') return t('exportBanqupSignedOut');
  return t('exportBanqupProblem', { problem });
}
