/**
 * The organization's OAuth credentials as the Developer page sees them: listed without their
 * secrets, and created through `store.createClient` (so the emulator's token endpoint accepts
 * them at once) after a name check. The store has no uniqueness rule for names, so it lives
 * here, over the store's public `clients` map: case- and space-insensitive, per organization.
 */
import type { YokoyApiClient, YokoyStore } from '../yokoy-api/store';

export const maxNameLength = 80;

/** What may leave the server after creation: everything but the secret. */
export interface CredentialSummary {
  name: string;
  clientId: string;
  type: 'oauth';
  createdAt: string;
}

const normalize = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

export function listCredentials(store: YokoyStore, organizationId: string): CredentialSummary[] {
  return [...store.clients.values()]
    .filter((client) => client.organizationId === organizationId)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .map(({ name, clientId, createdAt }) => ({ name, clientId, type: 'oauth', createdAt }));
}

export function nameTaken(store: YokoyStore, organizationId: string, name: string): boolean {
  const wanted = normalize(name);
  return [...store.clients.values()].some((client) => client.organizationId === organizationId && normalize(client.name) === wanted);
}

export type CreateResult =
  | { ok: true; client: YokoyApiClient }
  | { ok: false; status: 400 | 409; code: 'NAME_REQUIRED' | 'NAME_TOO_LONG' | 'NAME_TAKEN' | 'UNSUPPORTED_TYPE'; message: string };

/** Validates and creates; check and create run in one synchronous step, so no race between them. */
export function createCredentials(store: YokoyStore, organizationId: string, input: { name?: unknown; type?: unknown }): CreateResult {
  if (input.type !== undefined && input.type !== 'oauth') {
    return { ok: false, status: 400, code: 'UNSUPPORTED_TYPE', message: 'Only OAuth credentials can be generated.' };
  }
  const name = typeof input.name === 'string' ? input.name.trim().replace(/\s+/g, ' ') : '';
  if (!name) return { ok: false, status: 400, code: 'NAME_REQUIRED', message: 'A name is required.' };
  if (name.length > maxNameLength)
    return { ok: false, status: 400, code: 'NAME_TOO_LONG', message: `Use at most ${maxNameLength} characters.` };
  if (nameTaken(store, organizationId, name)) {
    return { ok: false, status: 409, code: 'NAME_TAKEN', message: `Credentials named "${name}" already exist in this organization.` };
  }
  return { ok: true, client: store.createClient(organizationId, name) };
}
