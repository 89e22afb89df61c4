/**
 * The Yokoy invoice index: what the companion knows of a legal entity's invoices in Yokoy,
 * kept so that no run has to list the whole legal entity again. Two maps per legal entity:
 * by tag (the Banqup document id in `customInformation.banqupDocumentId`) and by facts bucket
 * (number, date, currency, invoice or credit note; see dedupe.ts). Persisted in IndexedDB
 * (stores `yokoyInvoices`, `yokoySync`, lib/db/schema.ts upgrade 5) and refreshed
 * incrementally: after the first full listing, only invoices whose `lastModified` is at or
 * after the newest one seen (Yokoy's list filter accepts every public field; a filter it
 * refuses falls back to a full listing). The runner's matcher, the run audit and the
 * reconcile view read it.
 *
 * API (small on purpose):
 * - `createYokoyIndex({ invoices, persistence })` → `{ entity(le), markStale(le?) }`
 * - `entity(le)`: the legal entity's index, loaded from IndexedDB once per worker life and
 *   refreshed from Yokoy when stale (at first use, and after `markStale`).
 * - `EntityIndex`: `tagged(documentId)`, `untaggedLike(facts, sinceMs?)`, `like(facts)`, `get(id)`,
 *   `record(invoice)` (an API answer: a created or fetched invoice), `noteTag(id, key, documentId)`,
 *   `all()`, `refresh()`.
 */
import type { IDBPDatabase } from 'idb';
import type { CompanionDB } from '../db/schema';
import { succeeded } from '../failures/result';
import type { YokoyResult } from '../yokoy-api/errors';
import { bucketKey, sameAmount, sameSupplier, type DocumentFacts, type InvoiceFacts } from './dedupe';
import type { IndexedInvoice, IndexSync } from './index-records';
import { BANQUP_KEY, scimString, type InvoiceApi, type YokoyInvoice } from './yokoy-invoices';

export type { IndexedInvoice, IndexSync };

/** The key a run's audit writes on an extra copy of an exported document. */
export const TWIN_KEY = 'banqupDuplicateOf';

export interface IndexPersistence {
  load(legalEntityId: string): Promise<{ invoices: IndexedInvoice[]; sync?: IndexSync }>;
  save(invoices: IndexedInvoice[], sync: IndexSync): Promise<void>;
}

const text = (v: string | null | undefined) => (v === null || v === undefined || v === '' ? undefined : v);

export function indexedInvoice(legalEntityId: string, invoice: YokoyInvoice): IndexedInvoice {
  const info = invoice.customInformation ?? {};
  const gross =
    invoice.grossAmount === undefined || invoice.grossAmount === null || invoice.grossAmount === ''
      ? undefined
      : Number(invoice.grossAmount);
  return {
    key: `${legalEntityId}|${invoice.id}`,
    legalEntityId,
    id: invoice.id,
    tag: typeof info[BANQUP_KEY] === 'string' ? (info[BANQUP_KEY] as string) : undefined,
    twinOf: typeof info[TWIN_KEY] === 'string' ? (info[TWIN_KEY] as string) : undefined,
    invoiceNumber: text(invoice.invoiceNumber)?.trim(),
    date: text(invoice.date)?.slice(0, 10),
    currency: text(invoice.currency)?.toUpperCase(),
    gross: gross !== undefined && Number.isFinite(gross) ? gross : undefined,
    creditNote: invoice.isCreditNote ?? undefined,
    supplierId: text(invoice.supplierId),
    created: text(invoice.created),
    lastModified: text(invoice.lastModified),
  };
}

export function createEntityIndex(
  legalEntityId: string,
  invoices: InvoiceApi,
  persistence: IndexPersistence | undefined,
  loaded: { invoices: IndexedInvoice[]; sync?: IndexSync },
) {
  const byId = new Map<string, IndexedInvoice>();
  const byTag = new Map<string, IndexedInvoice[]>();
  const byBucket = new Map<string, IndexedInvoice[]>();
  const sync: IndexSync = loaded.sync ?? { legalEntityId, suppliers: {} };
  const dirty = new Map<string, IndexedInvoice>();
  let refreshing: Promise<YokoyResult<number>> | undefined;
  let queued: Promise<YokoyResult<number>> | undefined;

  const remove = (map: Map<string, IndexedInvoice[]>, key: string | undefined, inv: IndexedInvoice) => {
    if (key === undefined) return;
    const list = map.get(key)?.filter((i) => i.id !== inv.id);
    if (list?.length) map.set(key, list);
    else map.delete(key);
  };
  const add = (map: Map<string, IndexedInvoice[]>, key: string | undefined, inv: IndexedInvoice) => {
    if (key === undefined) return;
    const list = map.get(key) ?? [];
    list.push(inv);
    // Oldest first: one-to-one pairing takes candidates in creation order.
    if (list.length > 1) list.sort((a, b) => (a.created ?? '').localeCompare(b.created ?? '') || a.id.localeCompare(b.id));
    map.set(key, list);
  };
  const factsOf = (inv: IndexedInvoice): InvoiceFacts => {
    const supplier = inv.supplierId ? sync.suppliers[inv.supplierId] : undefined;
    return { ...inv, supplierName: supplier?.name, supplierVatId: supplier?.vatId };
  };

  function upsert(next: IndexedInvoice): void {
    const old = byId.get(next.id);
    if (old) {
      remove(byTag, old.tag, old);
      remove(byBucket, bucketKey(old), old);
    }
    byId.set(next.id, next);
    add(byTag, next.tag, next);
    add(byBucket, bucketKey(next), next);
    dirty.set(next.id, next);
  }
  for (const inv of loaded.invoices) upsert(inv);

  function like(doc: DocumentFacts): IndexedInvoice[] {
    const key = bucketKey(doc);
    if (key === undefined) return [];
    return (byBucket.get(key) ?? []).filter((inv) => {
      const facts = factsOf(inv);
      return sameSupplier(doc, facts) && sameAmount(doc.total, facts.gross);
    });
  }
  dirty.clear();

  async function persist(): Promise<void> {
    if (!persistence) return;
    const changed = [...dirty.values()];
    dirty.clear();
    await persistence.save(changed, { ...sync, suppliers: { ...sync.suppliers } });
  }

  async function pull(onPage?: (read: number) => void): Promise<YokoyResult<number>> {
    const since = sync.watermark;
    let listed = await invoices.find(legalEntityId, since ? `lastModified ge ${scimString(since)}` : undefined, undefined, onPage);
    // A Yokoy that refuses the filter on lastModified: list everything instead.
    if (!listed.ok && since && listed.failure.kind === 'validation')
      listed = await invoices.find(legalEntityId, undefined, undefined, onPage);
    if (!listed.ok) return listed;
    let unknownSupplier = false;
    for (const invoice of listed.value) {
      const listedNow = indexedInvoice(legalEntityId, invoice);
      // Tags are only ever added (by this companion): a listing read before a PATCH landed
      // must not undo what `noteTag` recorded after it.
      const old = byId.get(listedNow.id);
      const next = { ...listedNow, tag: listedNow.tag ?? old?.tag, twinOf: listedNow.twinOf ?? old?.twinOf };
      upsert(next);
      if (next.lastModified && (!sync.watermark || next.lastModified > sync.watermark)) sync.watermark = next.lastModified;
      if (next.supplierId && !sync.suppliers[next.supplierId]) unknownSupplier = true;
    }
    if (unknownSupplier) {
      const suppliers = await invoices.suppliers(legalEntityId);
      if (!suppliers.ok) return suppliers;
      for (const s of suppliers.value) {
        const facts = { name: text(s.name), vatId: text(s.taxNumber) };
        sync.suppliers[s.id] = facts;
        const org = text(s.supplierId);
        if (org) sync.suppliers[org] = facts;
      }
    }
    await persist();
    return succeeded(listed.value.length);
  }

  return {
    legalEntityId,

    /** Invoices tagged with this Banqup document, oldest first. */
    tagged(documentId: string): IndexedInvoice[] {
      return byTag.get(documentId) ?? [];
    },

    /**
     * Untagged invoices (and not marked as an audit's twin) with the same facts as `doc`,
     * oldest first; `sinceMs`: created at or after that time only.
     */
    untaggedLike(doc: DocumentFacts, sinceMs?: number): IndexedInvoice[] {
      return like(doc).filter((inv) => {
        if (inv.tag || inv.twinOf) return false;
        return sinceMs === undefined || (inv.created !== undefined && Date.parse(inv.created) >= sinceMs);
      });
    },

    /** Every invoice with the same facts as `doc`, tagged or not, oldest first (the import's check, lib/import/check.ts). */
    like,

    get(invoiceId: string): IndexedInvoice | undefined {
      return byId.get(invoiceId);
    },

    /** An invoice from an API answer (just created, or fetched): into the maps at once. */
    record(invoice: YokoyInvoice): IndexedInvoice {
      const next = indexedInvoice(legalEntityId, invoice);
      upsert(next);
      void persist();
      return next;
    },

    /** A tag this companion wrote (PATCH answered): keeps the maps right without a refresh. */
    noteTag(invoiceId: string, key: string, documentId: string): void {
      const old = byId.get(invoiceId);
      if (!old) return;
      upsert(key === BANQUP_KEY ? { ...old, tag: documentId } : key === TWIN_KEY ? { ...old, twinOf: documentId } : old);
      void persist();
    },

    all(): IterableIterator<IndexedInvoice> {
      return byId.values();
    },

    size(): number {
      return byId.size;
    },

    /**
     * Asks Yokoy what changed since the last refresh (everything, the first time). One at a
     * time, and never older than the call: a pull already under way may have listed before
     * what the caller wants to see (its own upload, the last invoice of a run), so callers
     * arriving meanwhile share one more pull after it. `onPage`: invoices read so far.
     */
    refresh(onPage?: (read: number) => void): Promise<YokoyResult<number>> {
      const start = () => {
        refreshing ??= pull(onPage).finally(() => (refreshing = undefined));
        return refreshing;
      };
      if (!refreshing) return start();
      queued ??= refreshing
        .catch(() => undefined)
        .then(() => {
          queued = undefined;
          return start();
        });
      return queued;
    },

    /** Supplier facts of an indexed invoice (for the audit and the reconcile view). */
    factsOf,
  };
}

export type EntityIndex = ReturnType<typeof createEntityIndex>;

export function createYokoyIndex(env: { invoices: InvoiceApi; persistence?: IndexPersistence }) {
  const entities = new Map<string, Promise<EntityIndex>>();
  const stale = new Set<string>();

  async function load(legalEntityId: string): Promise<EntityIndex> {
    const loaded = env.persistence ? await env.persistence.load(legalEntityId) : { invoices: [] };
    return createEntityIndex(legalEntityId, env.invoices, env.persistence, loaded);
  }

  return {
    /** The legal entity's index, refreshed first if stale (first use in this worker life, or marked). */
    async entity(legalEntityId: string, onPage?: (read: number) => void): Promise<YokoyResult<EntityIndex>> {
      let entry = entities.get(legalEntityId);
      if (!entry) {
        entry = load(legalEntityId);
        entities.set(legalEntityId, entry);
        stale.add(legalEntityId);
      }
      const index = await entry;
      if (stale.has(legalEntityId)) {
        const refreshed = await index.refresh(onPage);
        if (!refreshed.ok) return refreshed;
        stale.delete(legalEntityId);
      }
      return succeeded(index);
    },

    /** The next `entity()` asks Yokoy what changed (a new run should see what arrived since). */
    markStale(legalEntityId?: string): void {
      for (const le of legalEntityId ? [legalEntityId] : entities.keys()) stale.add(le);
    },
  };
}

export type YokoyIndex = ReturnType<typeof createYokoyIndex>;

/** The index's IndexedDB side (stores `yokoyInvoices` and `yokoySync`). */
export function idbIndexPersistence(db: () => Promise<IDBPDatabase<CompanionDB>>): IndexPersistence {
  return {
    async load(legalEntityId) {
      const database = await db();
      const [invoices, sync] = await Promise.all([
        database.getAllFromIndex('yokoyInvoices', 'byEntity', legalEntityId),
        database.get('yokoySync', legalEntityId),
      ]);
      return { invoices, sync };
    },
    async save(invoices, sync) {
      const tx = (await db()).transaction(['yokoyInvoices', 'yokoySync'], 'readwrite');
      await Promise.all([...invoices.map((i) => tx.objectStore('yokoyInvoices').put(i)), tx.objectStore('yokoySync').put(sync), tx.done]);
    },
  };
}
