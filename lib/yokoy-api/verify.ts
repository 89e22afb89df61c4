/**
 * "Verify": a fresh token for the client ID and secret, then the organization's legal
 * entities. The second call is what proves the organization ID belongs to these credentials,
 * so a 403 or 404 there means "wrong organization ID", not "missing permission".
 */
import type { YokoyClient } from './client';
import { failed } from '../failures/result';
import type { YokoyResult } from './errors';
import type { LegalEntitySummary } from './schemas';

export async function verifyConnection(client: YokoyClient): Promise<YokoyResult<LegalEntitySummary[]>> {
  const token = await client.token({ fresh: true });
  if (!token.ok) return token;
  const entities = await client.listLegalEntities();
  if (!entities.ok && (entities.failure.status === 403 || entities.failure.status === 404)) {
    return failed({ ...entities.failure, kind: 'organization-mismatch' });
  }
  return entities;
}
