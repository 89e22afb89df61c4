/**
 * The one message protocol between the extension's parts. Every request is a zod schema keyed
 * by `type`; `requestPolicy` says which senders may send it. Content scripts are untrusted:
 * they may ask for status, offer values the user chose to capture on Yokoy's page, and (later)
 * name a Banqup document id; they never read a credential and never name a URL.
 */
import * as z from 'zod/mini';
import { fileIdPattern, uuidPattern } from '../ids/ids';
import type { Finding } from '../credentials/clean';
import type { Job } from '../export/job';
import type { Verdict as ImportVerdict } from '../import/check';
import type { ReconcileReport } from '../reconcile/report';
import type { ReconcileProgress } from '../reconcile/service';
import type { StoredCredentials, Settings } from '../settings/items';
import type { YokoyFailure, YokoyFailureKind } from '../yokoy-api/errors';
import type { LegalEntitySummary } from '../yokoy-api/schemas';

export type SenderKind = 'extension-page' | 'banqup-content' | 'yokoy-content';

const short = z.string().check(z.maxLength(2_000));
const url = z.string().check(z.maxLength(500));

const Status = z.object({ type: z.literal('status') });
const CredentialsGet = z.object({ type: z.literal('credentials.get') });
const CredentialsSave = z.object({
  type: z.literal('credentials.save'),
  clientId: z.optional(short),
  clientSecret: z.optional(short),
  organizationId: z.optional(short),
});
const CredentialsReveal = z.object({ type: z.literal('credentials.reveal') });
const CredentialsVerify = z.object({ type: z.literal('credentials.verify') });
const CredentialsForget = z.object({ type: z.literal('credentials.forget') });
const CredentialsAdoptPending = z.object({ type: z.literal('credentials.adoptPending'), adopt: z.boolean() });
const LegalEntityChoose = z.object({ type: z.literal('legalEntity.choose'), legalEntityId: z.string().check(z.regex(/^[\w-]{1,100}$/)) });
const SettingsGet = z.object({ type: z.literal('settings.get') });
const SettingsSave = z.object({
  type: z.literal('settings.save'),
  settings: z.object({
    environment: z.enum(['production', 'test', 'custom']),
    custom: z.object({ accountsBase: url, apiBase: url, webOrigin: url }),
    banqupOrigin: url,
    defaultLegalEntityId: z.optional(z.string().check(z.regex(/^[\w-]{0,100}$/))),
    exportConcurrency: z.number().check(z.int(), z.minimum(1), z.maximum(10)),
    historyRetentionDays: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(3650))),
  }),
});
const CaptureOffer = z.object({
  type: z.literal('capture.offer'),
  clientId: z.optional(short),
  clientSecret: z.optional(short),
  organizationId: z.optional(short),
});
const OpenYokoyDeveloperPage = z.object({ type: z.literal('open.yokoyDeveloperPage') });
const GuideContext = z.object({ type: z.literal('guide.context') });
const GuideOpen = z.object({ type: z.literal('guide.open') });
const FillValue = z.object({ type: z.literal('fill.value'), field: z.enum(['clientId', 'clientSecret', 'organizationId']) });
const OpenExportView = z.object({ type: z.literal('open.exportView') });
const documentId = z.string().check(z.regex(uuidPattern));
const documentIds = z.array(documentId).check(z.maxLength(1_000));
const isoDay = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const ExportFilters = z.object({
  from: z.optional(isoDay),
  to: z.optional(isoDay),
  supplier: z.optional(z.string().check(z.maxLength(200))),
  // Banqup's statuses (lib/banqup-api/client.ts); no documentStatus = what Banqup's connector sends (approved).
  documentStatus: z.optional(z.enum(['AWAITING_VALIDATION', 'VALIDATED', 'FULLY_APPROVED', 'REFUSED', 'DISPUTED', 'ANY'])),
  payStatus: z.optional(z.enum(['UNPAID', 'PARTIALLY_PAID', 'FULLY_PAID'])),
});
export type ExportFilters = z.infer<typeof ExportFilters>;
const ExportEnqueue = z.object({ type: z.literal('export.enqueue'), documentIds, source: z.enum(['button', 'selection', 'menu']) });
const ExportSelection = z.object({ type: z.literal('export.selection'), documentIds });
const ExportPreview = z.object({ type: z.literal('export.preview'), filters: ExportFilters });
const ExportStart = z.object({ type: z.literal('export.start'), filters: ExportFilters });
const ExportPause = z.object({ type: z.literal('export.pause') });
const ExportResume = z.object({ type: z.literal('export.resume') });
const ExportCancel = z.object({ type: z.literal('export.cancel') });
const ExportProgress = z.object({ type: z.literal('export.progress') });
const jobStates = z.enum(['queued', 'fetching', 'uploading', 'done', 'duplicate', 'failed', 'cancelled']);
/** Where the previous page ended: (updatedAt, job id). */
const historyCursor = z.tuple([z.number().check(z.int(), z.minimum(0)), z.string().check(z.maxLength(300))]);
const ExportHistory = z.object({
  type: z.literal('export.history'),
  state: z.optional(jobStates),
  limit: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(10_000))),
  after: z.optional(historyCursor),
});
const ExportRetryFailed = z.object({ type: z.literal('export.retryFailed') });
const fileId = z.string().check(z.regex(fileIdPattern));
const factText = z.optional(z.string().check(z.maxLength(300)));
const ImportFacts = z.object({
  number: factText,
  issueDate: z.optional(isoDay),
  currency: z.optional(z.string().check(z.regex(/^[A-Z]{3}$/))),
  total: z.optional(z.number()),
  supplierName: factText,
  supplierVatId: factText,
  supplierEndpoint: factText,
  creditNote: z.optional(z.boolean()),
});
const ImportCheck = z.object({
  type: z.literal('import.check'),
  items: z.array(z.object({ id: fileId, facts: ImportFacts })).check(z.maxLength(1_000)),
  /** The first chunk of a drop: list Yokoy's invoices again rather than reuse a listing. */
  fresh: z.optional(z.boolean()),
});
const ImportStart = z.object({ type: z.literal('import.start'), ids: z.array(fileId).check(z.maxLength(1_000)) });
const ImportDiscard = z.object({
  type: z.literal('import.discard'),
  dropId: z.string().check(z.regex(/^drop-[a-z0-9-]{1,40}$/)),
  ids: z.array(fileId).check(z.maxLength(10_000)),
});
/** The CSV in pages (no cap): ask again with `after` until no `next` comes back. */
const ExportCsv = z.object({ type: z.literal('export.csv'), after: z.optional(historyCursor) });
const legalEntityId = z.string().check(z.regex(/^[\w-]{1,100}$/));
const reportId = z.string().check(z.regex(/^reconcile-[0-9a-z]{1,20}$/));
const ReconcileStart = z.object({ type: z.literal('reconcile.start'), from: isoDay, to: isoDay, legalEntityId });
const ReconcileProgressRequest = z.object({ type: z.literal('reconcile.progress') });
const ReconcileReportRequest = z.object({ type: z.literal('reconcile.report'), reportId });
const ReconcileSendMissing = z.object({ type: z.literal('reconcile.sendMissing'), reportId });
const ReconcileTagUntagged = z.object({ type: z.literal('reconcile.tagUntagged'), reportId });
const ReconcileCsv = z.object({ type: z.literal('reconcile.csv'), reportId });

export const Request = z.discriminatedUnion('type', [
  Status,
  CredentialsGet,
  CredentialsSave,
  CredentialsReveal,
  CredentialsVerify,
  CredentialsForget,
  CredentialsAdoptPending,
  LegalEntityChoose,
  SettingsGet,
  SettingsSave,
  CaptureOffer,
  OpenYokoyDeveloperPage,
  GuideContext,
  GuideOpen,
  FillValue,
  OpenExportView,
  ExportEnqueue,
  ExportSelection,
  ExportPreview,
  ExportStart,
  ExportPause,
  ExportResume,
  ExportCancel,
  ExportProgress,
  ExportHistory,
  ExportRetryFailed,
  ExportCsv,
  ImportCheck,
  ImportStart,
  ImportDiscard,
  ReconcileStart,
  ReconcileProgressRequest,
  ReconcileReportRequest,
  ReconcileSendMissing,
  ReconcileTagUntagged,
  ReconcileCsv,
]);
export type Request = z.infer<typeof Request>;
export type RequestType = Request['type'];

const extensionPages = ['extension-page'] as const;

/** Who may send each request. Anything touching credentials: extension pages only. */
export const requestPolicy: { [K in RequestType]: readonly SenderKind[] } = {
  status: ['extension-page', 'banqup-content', 'yokoy-content'],
  'credentials.get': extensionPages,
  'credentials.save': extensionPages,
  'credentials.reveal': extensionPages,
  'credentials.verify': extensionPages,
  'credentials.forget': extensionPages,
  'credentials.adoptPending': extensionPages,
  'legalEntity.choose': extensionPages,
  'settings.get': extensionPages,
  'settings.save': extensionPages,
  // The user's click on Yokoy's own page; values land as "pending" when verified ones exist.
  'capture.offer': ['yokoy-content'],
  'open.yokoyDeveloperPage': ['extension-page', 'banqup-content'],
  // What the guide needs to know: states and names, never a credential's value.
  'guide.context': ['banqup-content'],
  'guide.open': extensionPages,
  // One field's value, asked on the user's click on "Fill" in the guide, on a Banqup page only:
  // the one way the secret reaches a page, and only Banqup's own secret field asks for it.
  'fill.value': ['banqup-content'],
  'open.exportView': ['extension-page', 'banqup-content'],
  // A content script may name Banqup document ids (never a URL): the worker builds every URL.
  'export.enqueue': ['extension-page', 'banqup-content'],
  'export.selection': ['banqup-content'],
  'export.progress': ['extension-page', 'banqup-content'],
  'export.preview': extensionPages,
  'export.start': extensionPages,
  'export.pause': extensionPages,
  'export.resume': extensionPages,
  'export.cancel': extensionPages,
  'export.history': extensionPages,
  'export.retryFailed': extensionPages,
  'export.csv': extensionPages,
  // The Import page: file ids and facts it read itself; the bytes are in IndexedDB already.
  'import.check': extensionPages,
  'import.start': extensionPages,
  'import.discard': extensionPages,
  // The reconcile reads both sides' books and acts on them: its own extension page only.
  'reconcile.start': extensionPages,
  'reconcile.progress': extensionPages,
  'reconcile.report': extensionPages,
  'reconcile.sendMissing': extensionPages,
  'reconcile.tagUntagged': extensionPages,
  'reconcile.csv': extensionPages,
};

export type ConnectionState =
  | { state: 'not-set-up' }
  | { state: 'unverified' }
  | { state: 'verified'; organizationId: string; legalEntityName?: string }
  | { state: 'failing'; kind: YokoyFailureKind; detail?: string; organizationId?: string };

export interface StatusAnswer {
  version: string;
  connection: ConnectionState;
}

/** What an extension page may see of the credentials: never the secret itself. */
export type CredentialsView = Omit<StoredCredentials, 'hasSecret'> & { hasSecret: boolean; connection: ConnectionState };

export type SaveAnswer =
  | { saved: true; credentials: CredentialsView }
  | { saved: false; field: 'clientId' | 'clientSecret' | 'organizationId'; finding: Finding };

export type VerifyAnswer = { verified: true; legalEntities: LegalEntitySummary[] } | { verified: false; failure: YokoyFailure };

export interface GuideContextAnswer {
  connection: ConnectionState;
  /** Which values the vault can fill (not the values). */
  available: { clientId: boolean; clientSecret: boolean; organizationId: boolean };
  legalEntities: LegalEntitySummary[];
  legalEntityId?: string;
}

export interface ExportProgress {
  runId?: string;
  paused: boolean;
  running: boolean;
  /** Some invoices wait for the user to sign in to Banqup again. */
  waitingForBanqup: boolean;
  /** Why the queue paused by itself, when it did. */
  pauseReason?: { code: string; detail?: string };
  total: number;
  remaining: number;
  done: number;
  duplicate: number;
  failed: number;
  cancelled: number;
  /** When the run started and when this answer was made (the worker's clock): the view derives rate and time left from them. */
  startedAt?: number;
  at?: number;
  /** Invoices waiting for a later attempt, by why: Yokoy asked to slow down (429), or another retry; the earliest next try. */
  waiting?: { rateLimited: number; retrying: number; nextAttemptAt?: number };
}

export interface HistoryEntry {
  id: string;
  documentId: string;
  state: Job['state'];
  updatedAt: number;
  invoiceNumber?: string;
  supplierName?: string;
  total?: number;
  currency?: string;
  yokoyInvoiceId?: string;
  yokoyLink?: string;
  reason?: Job['reason'];
  /** Other Yokoy invoices found to be this same document (see the run audit). */
  twins?: string[];
  /** Why (see lib/export/audit.ts): `resent` by the browser, or `two-uploads` by the companion. */
  twinCause?: Job['twinCause'];
  attempts: number;
}

export type CaptureAnswer = { outcome: 'saved' | 'pending-confirmation' | 'refused'; verified?: boolean; problem?: string };

export interface Answers {
  status: StatusAnswer;
  'credentials.get': CredentialsView;
  'credentials.save': SaveAnswer;
  'credentials.reveal': { clientSecret?: string };
  'credentials.verify': VerifyAnswer;
  'credentials.forget': CredentialsView;
  'credentials.adoptPending': CredentialsView;
  'legalEntity.choose': CredentialsView;
  'settings.get': Settings;
  'settings.save': Settings;
  'capture.offer': CaptureAnswer;
  'open.yokoyDeveloperPage': { opened: boolean };
  'guide.context': GuideContextAnswer;
  'guide.open': { opened: 'existing-tab' | 'new-tab' | 'no-banqup-origin' };
  'fill.value': { value?: string };
  'open.exportView': { opened: boolean };
  'export.enqueue': { queued: number; alreadyInYokoy: number; problem?: 'no-legal-entity' | 'not-verified' };
  'export.selection': { count: number };
  'export.preview': { count?: number; bankStatements?: number; problem?: string };
  'export.start': { queued: number; alreadyInYokoy: number; problem?: string };
  'export.pause': ExportProgress;
  'export.resume': ExportProgress;
  'export.cancel': ExportProgress;
  'export.progress': ExportProgress;
  'export.history': { entries: HistoryEntry[]; next?: [number, string] };
  'export.retryFailed': { queued: number };
  'import.check': { results: ({ id: string } & ImportVerdict)[]; problem?: string };
  'import.start': { queued: number; alreadyInYokoy: number; missing: number; problem?: string };
  'import.discard': { discarded: true };
  /** One page of the CSV (the header on the first); `next` when more follow. */
  'export.csv': { csv: string; fileName: string; next?: [number, string] };
  'reconcile.start': { started: boolean; problem?: string };
  'reconcile.progress': ReconcileProgress;
  'reconcile.report': ReconcileReport | null;
  'reconcile.sendMissing': { queued: number; alreadyInYokoy: number; problem?: string };
  'reconcile.tagUntagged': { tagged: number; skipped: number; failed: number };
  'reconcile.csv': { csv: string; fileName: string } | null;
}

export type ErrorCode = 'malformed' | 'forbidden-sender' | 'unknown-type' | 'failed';
export type Response<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };
