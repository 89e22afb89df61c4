/**
 * Yokoy's side of the sandbox: organizations with their legal entities, web users (with or
 * without the Developer role), OAuth API clients, issued tokens and invoices. The API emulator
 * and the web look-alike both read and write it.
 */
import { randomBytes, randomUUID } from 'node:crypto';

export interface YokoyLegalEntity {
  id: string;
  name: string;
  code: string;
  language: string;
  country: string;
  currency: string;
}

export interface YokoyOrganization {
  id: string;
  name: string;
  legalEntities: YokoyLegalEntity[];
}

export interface YokoyUser {
  id: string;
  email: string;
  name: string;
  organizationId: string;
  roles: ('admin' | 'developer')[];
}

export interface YokoyApiClient {
  name: string;
  clientId: string;
  clientSecret: string;
  organizationId: string;
  createdAt: string;
}

export interface YokoyToken {
  accessToken: string;
  clientId: string;
  organizationId: string;
  expiresAt: number;
}

export interface YokoyStoreOptions {
  /** Lifetime of issued tokens, in seconds (Yokoy's real ones last an hour). */
  tokenLifetimeSeconds?: number;
}

/** IDs as Yokoy's description allows them: `[\w-]+`, 20 characters here. */
export function yokoyId(length = 20): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(length);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

export const seed = {
  organizationId: 'o7Hq2LmXc9RtV4bN1sKd',
  readyClient: { clientId: 'sandbox-ready-client', clientSecret: 'sbx_ready_secret_6f1c2a9e4b7d', name: 'Sandbox ready client' },
  developer: { email: 'dev@acme.example', name: 'Dana Developer' },
  nonDeveloper: { email: 'clerk@acme.example', name: 'Casey Clerk' },
} as const;

function seededOrganization(): YokoyOrganization {
  return {
    id: seed.organizationId,
    name: 'Acme Holding',
    legalEntities: [
      { id: 'le-BE-acme-0001', name: 'Acme Belgium NV', code: 'ACME-BE', language: 'nl', country: 'BE', currency: 'EUR' },
      { id: 'le-PT-acme-0002', name: 'Acme Portugal Lda', code: 'ACME-PT', language: 'pt', country: 'PT', currency: 'EUR' },
      { id: 'le-CH-acme-0003', name: 'Acme Schweiz AG', code: 'ACME-CH', language: 'de', country: 'CH', currency: 'CHF' },
    ],
  };
}

export function createYokoyStore(options: YokoyStoreOptions = {}) {
  const store = {
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3600,
    organizations: new Map<string, YokoyOrganization>(),
    users: new Map<string, YokoyUser>(),
    clients: new Map<string, YokoyApiClient>(),
    tokens: new Map<string, YokoyToken>(),

    reset() {
      store.organizations.clear();
      store.users.clear();
      store.clients.clear();
      store.tokens.clear();
      const org = seededOrganization();
      store.organizations.set(org.id, org);
      store.users.set(seed.developer.email, { id: yokoyId(), ...seed.developer, organizationId: org.id, roles: ['admin', 'developer'] });
      store.users.set(seed.nonDeveloper.email, { id: yokoyId(), ...seed.nonDeveloper, organizationId: org.id, roles: [] });
      store.clients.set(seed.readyClient.clientId, { ...seed.readyClient, organizationId: org.id, createdAt: new Date(0).toISOString() });
    },

    /** Generates an OAuth client as Yokoy's Developer page does: the secret is shown once. */
    createClient(organizationId: string, name: string): YokoyApiClient {
      const client: YokoyApiClient = {
        name,
        clientId: randomUUID(),
        clientSecret: randomBytes(24).toString('base64url'),
        organizationId,
        createdAt: new Date().toISOString(),
      };
      store.clients.set(client.clientId, client);
      return client;
    },
  };
  store.reset();
  return store;
}

export type YokoyStore = ReturnType<typeof createYokoyStore>;
