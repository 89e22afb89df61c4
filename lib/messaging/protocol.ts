/**
 * The one message protocol between the extension's parts. Every request is a zod schema keyed
 * by `type`; `from` says which senders may send it. Content scripts are untrusted: they may
 * ask for status or name a Banqup document id, never a URL and never a credential.
 */
import * as z from 'zod/mini';

export type SenderKind = 'extension-page' | 'banqup-content' | 'yokoy-content';

const Status = z.object({ type: z.literal('status') });

export const requestSchemas = {
  status: Status,
} as const;

/** Who may send each request. */
export const requestPolicy: { [K in RequestType]: readonly SenderKind[] } = {
  status: ['extension-page', 'banqup-content', 'yokoy-content'],
};

export const Request = z.discriminatedUnion('type', [Status]);
export type Request = z.infer<typeof Request>;
export type RequestType = Request['type'];

export type ConnectionState =
  | { state: 'not-set-up' }
  | { state: 'verified'; organizationId: string; legalEntityName?: string }
  | { state: 'failing'; reason: string };

export interface StatusAnswer {
  version: string;
  connection: ConnectionState;
}

export interface Answers {
  status: StatusAnswer;
}

export type ErrorCode = 'malformed' | 'forbidden-sender' | 'unknown-type' | 'failed';
export type Response<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };
