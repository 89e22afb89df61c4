/** The connection's state at a glance, derived from what is stored (never stored itself). */
import type { ConnectionState } from './messages';
import type { StoredCredentials } from '../settings/items';

export function deriveConnection(stored: StoredCredentials): ConnectionState {
  if (!stored.clientId || !stored.organizationId || !stored.hasSecret) return { state: 'not-set-up' };
  const verification = stored.verification;
  if (!verification) return { state: 'unverified' };
  if (verification.state === 'failing') {
    return {
      state: 'failing',
      kind: verification.failure?.kind ?? 'server',
      detail: verification.failure?.detail,
      organizationId: stored.organizationId,
    };
  }
  const entity = stored.legalEntities?.find((e) => e.id === stored.legalEntityId);
  return { state: 'verified', organizationId: stored.organizationId, legalEntityName: entity?.name };
}
