/** A Yokoy failure as one sentence that says what happened and what to do. */
import type { MessageKey } from '../i18n/app';
import type { YokoyFailure, YokoyFailureKind } from './errors';

type T = (key: MessageKey, params?: Record<string, string>) => string;

export const yokoyFailureKeys: Record<YokoyFailureKind, MessageKey> = {
  'invalid-client': 'failureInvalidClient',
  'organization-mismatch': 'failureOrganizationMismatch',
  'missing-permission': 'failureMissingPermission',
  'not-found': 'failureNotFound',
  validation: 'failureValidation',
  conflict: 'failureConflict',
  'rate-limited': 'failureRateLimited',
  server: 'failureServer',
  network: 'failureNetwork',
  'malformed-answer': 'failureMalformedAnswer',
  unauthorized: 'failureUnauthorized',
  'not-configured': 'failureNotConfigured',
  'legal-entity-gone': 'failureLegalEntityGone',
  'invoice-gone': 'failureInvoiceGone',
};

export function describeFailure(t: T, failure: Pick<YokoyFailure, 'kind' | 'detail'>, context: { organizationId?: string } = {}): string {
  // Yokoy's own message is untrusted text: it is only ever rendered as text, and capped.
  const detail = (failure.detail ?? '').slice(0, 300);
  return t(yokoyFailureKeys[failure.kind], { detail, organizationId: context.organizationId ?? '' });
}
