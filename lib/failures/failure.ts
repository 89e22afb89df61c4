/**
 * Why something failed, as a value every part of the companion shares: the export queue stores
 * it on a job (IndexedDB) and on a paused queue (storage), the popup translates it, the CSV
 * writes it as `source:kind`. Each `source` has a closed list of kinds, so a new kind is a type
 * error in every place that must say something about it (lib/failures/describe.ts) instead of
 * a string split and cast back.
 */
import type { BanqupFailureKind } from '../banqup-api/client';
import type { YokoyFailureKind } from '../yokoy-api/errors';

/** What is wrong with the document itself (it came from Banqup or from a dropped file). */
export type DocumentProblemKind = 'not-an-invoice' | 'not-a-pdf';

/** The companion's own findings and preconditions. */
export type CompanionFailureKind =
  /** Yokoy holds more untagged copies with this document's facts than there are such documents. */
  | 'ambiguous-match'
  /** A bug: the job was failed rather than left running. */
  | 'internal'
  /** The credentials have not been verified yet. */
  | 'not-verified'
  /** No legal entity is chosen. */
  | 'no-legal-entity'
  /** A reconcile period that ends before it starts. */
  | 'bad-period'
  /** A reconcile report that is no longer the latest (another one replaced it). */
  | 'stale-report'
  /** A reconcile report for a legal entity the export does not send to. */
  | 'other-legal-entity'
  /** The worker refused or failed a message from one of our pages (its detail is for a developer). */
  | 'no-answer';

export type Failure =
  | { source: 'yokoy'; kind: YokoyFailureKind; detail?: string }
  | { source: 'banqup'; kind: BanqupFailureKind | DocumentProblemKind; detail?: string }
  | { source: 'companion'; kind: CompanionFailureKind; detail?: string };

export type FailureSource = Failure['source'];
export type FailureOf<S extends FailureSource> = Extract<Failure, { source: S }>;

/** A job's reason, a paused queue's reason and an export's problem are all failures. */
export type JobReason = Failure;

export const yokoyFailure = (kind: YokoyFailureKind, detail?: string): FailureOf<'yokoy'> => withDetail({ source: 'yokoy', kind }, detail);
export const banqupFailure = (kind: BanqupFailureKind | DocumentProblemKind, detail?: string): FailureOf<'banqup'> =>
  withDetail({ source: 'banqup', kind }, detail);
export const companionFailure = (kind: CompanionFailureKind, detail?: string): FailureOf<'companion'> =>
  withDetail({ source: 'companion', kind }, detail);

function withDetail<F extends Failure>(failure: F, detail: string | undefined): F {
  return detail === undefined ? failure : { ...failure, detail };
}

/** A message to the worker that got no answer, as a failure the page can word (lib/messaging/protocol.ts). */
export const noAnswer = (failure: { detail: string }): FailureOf<'companion'> => companionFailure('no-answer', failure.detail);

/** Whether `failure` is this one (a job's reason is often absent). */
export const isFailure = <S extends FailureSource>(failure: Failure | undefined, source: S, kind: FailureOf<S>['kind']): boolean =>
  failure?.source === source && failure.kind === kind;

/** The stable code a spreadsheet or a log line carries (`yokoy:validation`). */
export const failureCode = (failure: Failure): string => `${failure.source}:${failure.kind}`;
