import type { Result } from '../failures/result';

/**
 * Every way a call to Yokoy can fail, as a value a person can act on. The i18n key of each
 * kind says what happened and what to do; `detail` keeps Yokoy's own message (untrusted text,
 * shown as text only).
 */
export type YokoyFailureKind =
  | 'invalid-client' // wrong client ID or secret (token endpoint 400/401 invalid_client)
  | 'organization-mismatch' // the credentials are not for this organization (403 on the organization)
  | 'missing-permission' // 403 on a resource: the credentials or role lack a permission
  | 'not-found' // 404: a legal entity or invoice that is not there
  | 'validation' // 400/422 on a request we made: the data was refused
  | 'conflict' // 409
  | 'rate-limited' // 429 after our retries
  | 'server' // 5xx after our retries
  | 'network' // no answer (offline, DNS, dropped connection)
  | 'malformed-answer' // an answer we could not read
  | 'unauthorized' // 401 even after a fresh token
  | 'not-configured' // no Yokoy address set (custom environment left empty)
  | 'legal-entity-gone' // the chosen legal entity is no longer in Yokoy (404 on it)
  | 'invoice-gone'; // the invoice a document was sent as is no longer in Yokoy (404 on tagging it)

export interface YokoyFailure {
  kind: YokoyFailureKind;
  status?: number;
  /** Yokoy's own message, if any (show as text). */
  detail?: string;
  /** Field errors from a 400. */
  fieldErrors?: { field?: string; message?: string }[];
  /** Whether the outcome of the request is unknown (connection dropped after sending). */
  outcomeUnknown?: boolean;
  retryAfterMs?: number;
}

export type YokoyResult<T> = Result<T, YokoyFailure>;
