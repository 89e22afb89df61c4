/**
 * Yokoy's side of the sandbox: organizations with their legal entities, web users (with or
 * without the Developer role), OAuth API clients, issued tokens, legal-entity suppliers and
 * invoices. The API emulator and the web look-alike both read and write it.
 *
 * Store API (besides the maps):
 * - `createClient(orgId, name)`: a new OAuth client, as Yokoy's Developer page makes one.
 * - `createOrganization(name, legalEntities?)`: another organization (tests: foreign tokens).
 * - `legalEntity(orgId, legalEntityId)`: the entity if it belongs to that organization.
 * - `issueToken(client)` / `findToken(accessToken)`: bearer tokens (`findToken` ignores expiry;
 *   the API's auth check decides what "expired" means, faults included).
 * - `supplierFor(orgId, legalEntityId, party)`: finds or creates the legal-entity supplier an
 *   e-invoice names (matched on VAT ID, then on name), as Yokoy's supplier matching would.
 * - `addInvoice(input)`: stores an invoice (amounts are derived from the line items on read).
 * - `listInvoices(orgId, legalEntityId)`: that entity's invoices, oldest first (amounts: sum
 *   the line items, or use `invoiceTotals` from invoice-json.ts).
 * - `getInvoice(orgId, legalEntityId, invoiceId)`.
 *   Both settle AI uploads: status "8" turns "7" once `aiProcessingMs` has passed.
 * - `faults` (the fault-injection state) and `requestLog` (the emulator's request log) live here
 *   too, so `state.reset()` switches faults off and clears the log like `POST /__admin/reset`.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createFaultState } from './faults';
import type { LogEntry } from './log';

export interface YokoyLegalEntity {
  id: string;
  name: string;
  code: string;
  /** Yokoy's enum is de, de-ch, en, en-gb, es, fr, nl, pl, zh, ja; see the Portuguese seed. */
  language: string;
  /** Not in the API's LegalEntity schema (so not served); invoices without a country use it. */
  country: string;
  /** Not in the API's LegalEntity schema either; used by the web look-alike. */
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
  /** When it was issued (ms); the `expireTokensAfterSeconds` fault counts from here. */
  issuedAt?: number;
}

/** A supplier linked to a legal entity (Yokoy's LegalEntitySupplier, reduced to what we need). */
export interface YokoySupplier {
  id: string;
  organizationId: string;
  legalEntityId: string;
  name: string;
  vatId?: string;
  country?: string;
}

/** An invoice line as the API serves it (InvoiceLineItem); unknown ids stay null. */
export interface YokoyInvoiceLineItem {
  description: string | null;
  quantity: number | null;
  itemPrice: number | null;
  unit: string | null;
  net: number;
  gross: number;
  /** Tax rate in percent when known (from the UBL); shown as `taxRateComponents`. */
  taxPercent?: number | null;
  customInformation: Record<string, unknown> | null;
  /** Other writable InvoiceLineItem fields a JSON create sent (categoryId, tags, …). */
  extra?: Record<string, unknown>;
}

export type YokoyInvoiceSource = 'einvoice' | 'upload' | 'json' | 'admin';

export interface YokoyInvoice {
  id: string;
  organizationId: string;
  legalEntityId: string;
  source: YokoyInvoiceSource;
  /** Creation order across the store (1, 2, …); list order and cursors follow it. */
  order: number;
  invoiceNumber: string;
  country: string;
  currency: string | null;
  date: string | null;
  dueDate: string | null;
  supplierId: string | null;
  /** Not an Invoice field in the API (it has only `supplierId`); kept for admin views and tests. */
  supplierName: string | null;
  isCreditNote: boolean;
  lineItems: YokoyInvoiceLineItem[];
  customInformation: Record<string, unknown> | null;
  /** Yokoy's status code as a string ("7" = new, "8" = waiting for async input). */
  status: string;
  created: string;
  lastModified: string;
  /** Only for AI uploads: when the "AI" is done and the status turns from "8" to "7". */
  readyAt?: number;
  pdf: Buffer | null;
  ubl: Buffer | null;
  eventLog: Record<string, unknown>[];
  /** Other writable Invoice fields a JSON create sent (paymentInformation, postingDate, …). */
  extra: Record<string, unknown>;
}

export type NewYokoyInvoice = Omit<YokoyInvoice, 'id' | 'order' | 'created' | 'lastModified' | 'eventLog' | 'extra' | 'status'> &
  Partial<Pick<YokoyInvoice, 'eventLog' | 'extra' | 'status'>>;

export interface YokoyStoreOptions {
  /** Lifetime of issued tokens, in seconds (Yokoy's real ones last an hour). */
  tokenLifetimeSeconds?: number;
  /** How long an AI upload stays in status "8" (waiting for async input), in ms. */
  aiProcessingMs?: number;
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
      // 'pt' is outside the description's language enum on purpose: the live API is known to
      // deviate from its enums, and the extension must parse such answers leniently.
      { id: 'le-PT-acme-0002', name: 'Acme Portugal Lda', code: 'ACME-PT', language: 'pt', country: 'PT', currency: 'EUR' },
      { id: 'le-CH-acme-0003', name: 'Acme Schweiz AG', code: 'ACME-CH', language: 'de', country: 'CH', currency: 'CHF' },
    ],
  };
}

/** AI uploads leave status "8" (waiting for async input) for "7" (new) once the pretend AI is done. */
function settle(invoice: YokoyInvoice, now = Date.now()): YokoyInvoice {
  if (invoice.status === '8' && invoice.readyAt !== undefined && now >= invoice.readyAt) invoice.status = '7';
  return invoice;
}

export function createYokoyStore(options: YokoyStoreOptions = {}) {
  let invoiceCounter = 0;
  const store = {
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3600,
    aiProcessingMs: options.aiProcessingMs ?? 3000,
    organizations: new Map<string, YokoyOrganization>(),
    users: new Map<string, YokoyUser>(),
    clients: new Map<string, YokoyApiClient>(),
    tokens: new Map<string, YokoyToken>(),
    suppliers: new Map<string, YokoySupplier>(),
    invoices: new Map<string, YokoyInvoice>(),
    faults: createFaultState(),
    requestLog: [] as LogEntry[],
    /** The log keeps the newest this many entries (a benchmark of 10,000 invoices needs more). */
    requestLogLimit: 5000,
    /**
     * In-process test pacing: called once a request has been handled, before its answer is
     * written; a returned promise holds the answer until it settles (e.g. until the test has
     * stopped the extension's worker, so the answer is lost). Not reachable over HTTP.
     */
    hold: undefined as ((request: { method: string; path: string; status: number }) => Promise<void> | undefined) | undefined,

    reset() {
      store.organizations.clear();
      store.users.clear();
      store.clients.clear();
      store.tokens.clear();
      store.suppliers.clear();
      store.invoices.clear();
      store.faults = createFaultState();
      store.requestLog.length = 0;
      store.hold = undefined;
      invoiceCounter = 0;
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

    createOrganization(name: string, legalEntities?: Omit<YokoyLegalEntity, 'id'>[]): YokoyOrganization {
      const org: YokoyOrganization = {
        id: yokoyId(),
        name,
        legalEntities: (legalEntities ?? [{ name: `${name} Main`, code: 'MAIN', language: 'en', country: 'DE', currency: 'EUR' }]).map(
          (le) => ({
            id: yokoyId(),
            ...le,
          }),
        ),
      };
      store.organizations.set(org.id, org);
      return org;
    },

    legalEntity(organizationId: string, legalEntityId: string): YokoyLegalEntity | undefined {
      return store.organizations.get(organizationId)?.legalEntities.find((le) => le.id === legalEntityId);
    },

    issueToken(client: YokoyApiClient): YokoyToken {
      const now = Date.now();
      const token: YokoyToken = {
        accessToken: randomBytes(30).toString('base64url'),
        clientId: client.clientId,
        organizationId: client.organizationId,
        issuedAt: now,
        expiresAt: now + store.tokenLifetimeSeconds * 1000,
      };
      // Forget long-dead tokens so a long sandbox session does not grow without bound.
      for (const [key, old] of store.tokens) if (old.expiresAt < now - 3_600_000) store.tokens.delete(key);
      store.tokens.set(token.accessToken, token);
      return token;
    },

    findToken(accessToken: string): YokoyToken | undefined {
      return store.tokens.get(accessToken);
    },

    supplierFor(organizationId: string, legalEntityId: string, party: { name: string; vatId?: string; country?: string }): YokoySupplier {
      const norm = (s: string | undefined) => (s ?? '').replace(/\s+/g, '').toUpperCase();
      const candidates = [...store.suppliers.values()].filter(
        (s) => s.organizationId === organizationId && s.legalEntityId === legalEntityId,
      );
      const found =
        (party.vatId ? candidates.find((s) => norm(s.vatId) === norm(party.vatId)) : undefined) ??
        candidates.find((s) => s.name.trim().toLowerCase() === party.name.trim().toLowerCase());
      if (found) return found;
      // Legal-entity supplier IDs in the description's examples are UUIDs.
      const supplier: YokoySupplier = {
        id: randomUUID(),
        organizationId,
        legalEntityId,
        name: party.name,
        vatId: party.vatId,
        country: party.country,
      };
      store.suppliers.set(supplier.id, supplier);
      return supplier;
    },

    addInvoice(input: NewYokoyInvoice): YokoyInvoice {
      const now = new Date().toISOString();
      const invoice: YokoyInvoice = {
        status: '7',
        eventLog: [],
        extra: {},
        ...input,
        id: yokoyId(),
        order: ++invoiceCounter,
        created: now,
        lastModified: now,
      };
      store.invoices.set(invoice.id, invoice);
      return invoice;
    },

    listInvoices(organizationId: string, legalEntityId: string): YokoyInvoice[] {
      return [...store.invoices.values()]
        .filter((i) => i.organizationId === organizationId && i.legalEntityId === legalEntityId)
        .sort((a, b) => a.order - b.order)
        .map((i) => settle(i));
    },

    getInvoice(organizationId: string, legalEntityId: string, invoiceId: string): YokoyInvoice | undefined {
      const invoice = store.invoices.get(invoiceId);
      return invoice && invoice.organizationId === organizationId && invoice.legalEntityId === legalEntityId ? settle(invoice) : undefined;
    },
  };
  store.reset();
  return store;
}

export type YokoyStore = ReturnType<typeof createYokoyStore>;
