/**
 * What the Banqup guide may learn from the worker: whether each value is available, whether
 * the connection was verified live, and the legal entities with the user's choice. The one
 * value that leaves is the field the user asked to fill, by click, on a Banqup page.
 */
import type { GuideContextAnswer } from './messages';
import type { StoredCredentials } from '../settings/items';
import { deriveConnection } from './state';

export function guideContext(stored: StoredCredentials): GuideContextAnswer {
  return {
    connection: deriveConnection(stored),
    available: {
      clientId: Boolean(stored.clientId),
      clientSecret: Boolean(stored.hasSecret),
      organizationId: Boolean(stored.organizationId),
    },
    legalEntities: stored.legalEntities ?? [],
    legalEntityId: stored.legalEntityId,
  };
}

export async function fillValue(
  field: 'clientId' | 'clientSecret' | 'organizationId',
  stored: StoredCredentials,
  readSecret: () => Promise<string | undefined>,
): Promise<{ value?: string }> {
  if (field === 'clientSecret') return { value: stored.hasSecret ? await readSecret() : undefined };
  return { value: stored[field] };
}
