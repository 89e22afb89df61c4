/**
 * The reconcile's messages: it reads both sides' books and acts on them, so only its own
 * extension page may send them.
 */
import * as z from 'zod/mini';
import { extensionPages, isoDay, legalEntityId, type Policy } from '../messaging/fields';
import type { ReconcileReport } from './report';
import type { ReconcileProgress } from './service';
import type { Failure } from '../failures/failure';

const reportId = z.string().check(z.regex(/^reconcile-[0-9a-z]{1,20}$/));
const ReconcileStart = z.object({ type: z.literal('reconcile.start'), from: isoDay, to: isoDay, legalEntityId });
const ReconcileProgressRequest = z.object({ type: z.literal('reconcile.progress') });
const ReconcileReportRequest = z.object({ type: z.literal('reconcile.report'), reportId });
const ReconcileSendMissing = z.object({ type: z.literal('reconcile.sendMissing'), reportId });
const ReconcileTagUntagged = z.object({ type: z.literal('reconcile.tagUntagged'), reportId });
const ReconcileCsv = z.object({ type: z.literal('reconcile.csv'), reportId });

export const reconcileRequests = [
  ReconcileStart,
  ReconcileProgressRequest,
  ReconcileReportRequest,
  ReconcileSendMissing,
  ReconcileTagUntagged,
  ReconcileCsv,
] as const;
export type ReconcileRequest = z.infer<(typeof reconcileRequests)[number]>;

export const reconcilePolicy: Policy<ReconcileRequest['type']> = {
  'reconcile.start': extensionPages,
  'reconcile.progress': extensionPages,
  'reconcile.report': extensionPages,
  'reconcile.sendMissing': extensionPages,
  'reconcile.tagUntagged': extensionPages,
  'reconcile.csv': extensionPages,
};

export interface ReconcileAnswers {
  'reconcile.start': { started: boolean; problem?: Failure };
  'reconcile.progress': ReconcileProgress;
  'reconcile.report': ReconcileReport | null;
  'reconcile.sendMissing': { queued: number; alreadyInYokoy: number; problem?: Failure };
  'reconcile.tagUntagged': { tagged: number; skipped: number; failed: number };
  'reconcile.csv': { csv: string; fileName: string } | null;
}
