/**
 * A failure in the user's language. Every kind of every source has its sentence here, in
 * records the compiler checks are complete: a new kind does not compile until it is worded.
 */
import type { BanqupFailureKind } from '../banqup-api/client';
// The reasons' words are the export section of the app catalogue (the reconcile kinds' are the
// pages section, which the reconcile page loads). The first view words a refused message
// itself (t('failureNoAnswer')), so this module stays out of the popup's first chunk.
import '../i18n/export';
import type { MessageKey } from '../i18n/app';
import { describeFailure as describeYokoy, yokoyFailureKeys } from '../yokoy-api/describe-failure';
import { failureCode, type CompanionFailureKind, type DocumentProblemKind, type Failure } from './failure';

type T = (key: MessageKey, params?: Record<string, string>) => string;

const banqupKeys: Record<BanqupFailureKind | DocumentProblemKind, MessageKey> = {
  'signed-out': 'reasonBanqupSignedOut',
  'not-found': 'reasonBanqupNotFound',
  'not-an-invoice': 'reasonNotAnInvoice',
  'not-a-pdf': 'reasonNotAPdf',
  // Banqup's own trouble: the sentence names the kind, the queue retries.
  server: 'reasonBanqupOther',
  network: 'reasonBanqupOther',
  'malformed-answer': 'reasonBanqupOther',
  forbidden: 'reasonBanqupOther',
};

const companionKeys: Record<CompanionFailureKind, MessageKey> = {
  'ambiguous-match': 'reasonAmbiguousMatch',
  internal: 'reasonInternal',
  'not-verified': 'exportNeedsVerification',
  'no-legal-entity': 'exportNeedsLegalEntity',
  'bad-period': 'reconcileProblemPeriod',
  'stale-report': 'reconcileProblemStale',
  'other-legal-entity': 'reconcileCannotSend',
  'no-answer': 'failureNoAnswer',
};

/** Why a job failed or waits (the history, the paused queue). */
export function describeReason(t: T, reason: Failure | undefined): string {
  if (!reason) return '';
  switch (reason.source) {
    case 'yokoy':
      // The gone entity's detail is its id, which the sentence does not need.
      return describeYokoy(t, reason.kind === 'legal-entity-gone' ? { kind: reason.kind } : reason);
    case 'banqup':
      return t(banqupKeys[reason.kind], { code: reason.kind });
    case 'companion':
      // Untrusted text (invoice ids Yokoy returned, an error's message): shown as text, capped.
      return t(companionKeys[reason.kind], { detail: (reason.detail ?? '').slice(0, 300) });
  }
}

/** Why an action (an export, an import, a reconcile) could not start. */
export function describeProblem(t: T, problem: Failure | undefined): string {
  if (!problem) return '';
  if (problem.source !== 'banqup') return describeReason(t, problem);
  return problem.kind === 'signed-out' ? t('exportBanqupSignedOut') : t('exportBanqupProblem', { problem: failureCode(problem) });
}

/** Whether a stored value names a kind this version knows (read by the migrations). */
export function isKnownFailure(failure: { source: string; kind: string }): failure is Failure {
  const kinds: Record<Failure['source'], object> = { yokoy: yokoyFailureKeys, banqup: banqupKeys, companion: companionKeys };
  return Object.hasOwn(kinds, failure.source) && Object.hasOwn(kinds[failure.source as Failure['source']], failure.kind);
}
