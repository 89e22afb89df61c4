/**
 * The one message protocol between the extension's parts, composed from the domains' own
 * messages (lib/status, lib/connection, lib/export, lib/import, lib/reconcile: each
 * `messages.ts` holds its requests' zod schemas, who may send each, and the answers). Every
 * request is keyed by `type`; `requestPolicy` says which senders may send it. Content scripts
 * are untrusted: they may ask for status, offer values the user chose to capture on Yokoy's
 * page, and name a Banqup document id; they never read a credential and never name a URL.
 */
import * as z from 'zod/mini';
import { type ConnectionAnswers, connectionPolicy, connectionRequests } from '../connection/messages';
import { type ExportAnswers, exportPolicy, exportRequests } from '../export/messages';
import { type ImportAnswers, importPolicy, importRequests } from '../import/messages';
import { type ReconcileAnswers, reconcilePolicy, reconcileRequests } from '../reconcile/messages';
import { type StatusAnswers, statusPolicy, statusRequests } from '../status/messages';
import type { SenderKind } from './fields';
import type { Result } from '../failures/result';

export type { SenderKind } from './fields';
// The answer types the views and pages read, from the domains that own them.
export type {
  CaptureAnswer,
  ConnectionState,
  CredentialsView,
  GuideContextAnswer,
  SaveAnswer,
  VerifyAnswer,
} from '../connection/messages';
export type { ExportFilters, ExportProgress, HistoryEntry } from '../export/messages';
export type { StatusAnswer } from '../status/messages';

export const Request = z.discriminatedUnion('type', [
  ...statusRequests,
  ...connectionRequests,
  ...exportRequests,
  ...importRequests,
  ...reconcileRequests,
]);
export type Request = z.infer<typeof Request>;
export type RequestType = Request['type'];

/** Who may send each request (each domain's part; typed so none is left out). */
export const requestPolicy: { [K in RequestType]: readonly SenderKind[] } = {
  ...statusPolicy,
  ...connectionPolicy,
  ...exportPolicy,
  ...importPolicy,
  ...reconcilePolicy,
};

export interface Answers extends StatusAnswers, ConnectionAnswers, ExportAnswers, ImportAnswers, ReconcileAnswers {}

/** Why a message got no answer: the protocol refused it, or its handler threw. `detail` is for a developer. */
export interface MessageFailure {
  kind: 'malformed' | 'forbidden-sender' | 'unknown-type' | 'failed';
  detail: string;
}
export type Response<T> = Result<T, MessageFailure>;
