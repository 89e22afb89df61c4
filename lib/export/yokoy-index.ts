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
import type { IndexedInvoice, IndexSnapshot, IndexSync } from './index-records';
import { serialized } from './serialized';
import { BANQUP_KEY, scimString, type InvoiceApi, type YokoyInvoice } from './yokoy-invoices';

export type { IndexedInvoice, IndexSnapshot, IndexSync };

/** The key a run's audit writes on an extra copy of an exported document. */
export const TWIN_KEY = 'banqupDuplicateOf';

export interface IndexPersistence {
  load(legalEntityId: string): Promise<{ invoices: IndexedInvoice[]; sync?: IndexSync }>;
  save(invoices: IndexedInvoice[], sync: IndexSync): Promise<void>;
  /** Everything the legal entity's index holds, instead of what was saved (after invoices were forgotten). */
  replace(legalEntityId: string, invoices: IndexedInvoice[], sync: IndexSync): Promise<void>;
  /** The sync record alone (small: its watermark starts the first refresh early). */
  loadSync?(legalEntityId: string): Promise<IndexSync | undefined>;
  /** Resolves once background work (a compaction) is done. */
  settled?(): Promise<void>;
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

/** How long `record` and `noteTag` gather changes before one save. */
const SAVE_DELAY_MS = 250;

export function createEntityIndex(
  legalEntityId: string,
  invoices: InvoiceApi,
  persistence: IndexPersistence | undefined,
  loaded: { invoices: IndexedInvoice[]; sync?: IndexSync },
  /**
   * A listing of what changed since `since`, asked while the index was being read back; the
   * first refresh uses it if the watermark is still `since` and `usable()` (nothing was marked
   * stale since it was asked).
   */
  early?: { since: string; listed: Promise<YokoyResult<YokoyInvoice[]>>; usable: () => boolean },
  now: () => number = Date.now,
) {
  const byId = new Map<string, IndexedInvoice>();
  const byTag = new Map<string, IndexedInvoice[]>();
  const byBucket = new Map<string, IndexedInvoice[]>();
  const sync: IndexSync = loaded.sync ?? { legalEntityId, suppliers: {} };
  const dirty = new Map<string, IndexedInvoice>();

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

  /** Ids written while a full listing runs (`resync`): newer than what it read, and there. */
  let touched: Set<string> | undefined;
  function upsert(next: IndexedInvoice): void {
    touched?.add(next.id);
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

  /**
   * One save at a time, and one more after it for whatever changed meanwhile: an export records
   * each upload and each tag (two transactions per invoice, with the sync record each time);
   * under load the changes of a save's duration now share the next one. Resolves once what was
   * changed before the call is saved.
   */
  /** Set by `resync` when it forgot invoices: the next save writes the whole index, not a journal. */
  let replaceNext = false;
  const save = serialized(() => {
    const changed = [...dirty.values()];
    dirty.clear();
    const syncNow = { ...sync, suppliers: { ...sync.suppliers } };
    if (!replaceNext) return persistence!.save(changed, syncNow);
    replaceNext = false;
    return persistence!.replace(legalEntityId, [...byId.values()], syncNow);
  });
  const persist = (): Promise<void> => (persistence ? save() : Promise.resolve());
  /**
   * What `record` and `noteTag` change is saved a moment later, with whatever else changed by
   * then: an export at 16 invoices a second otherwise wrote two transactions per invoice. Safe
   * to lose with the worker: the saved watermark is older than these invoices' lastModified, so
   * the next refresh lists them again.
   */
  let saveScheduled = false;
  const persistSoon = () => {
    if (saveScheduled) return;
    saveScheduled = true;
    setTimeout(() => {
      saveScheduled = false;
      if (dirty.size) persist().catch(() => undefined);
    }, SAVE_DELAY_MS);
  };

  async function pull(onPage?: (read: number) => void): Promise<YokoyResult<number>> {
    const since = sync.watermark;
    const asked = early && early.since === since && early.usable() ? early.listed : undefined;
    early = undefined;
    let listed = await (asked ??
      invoices.find(legalEntityId, since ? `lastModified ge ${scimString(since)}` : undefined, undefined, onPage));
    // A Yokoy that refuses the filter on lastModified: list everything instead.
    if (!listed.ok && since && listed.failure.kind === 'validation')
      listed = await invoices.find(legalEntityId, undefined, undefined, onPage);
    if (!listed.ok) return listed;
    if (!since) sync.fullAt = now();
    const absorbed = await absorb(listed.value, true);
    if (!absorbed.ok) return absorbed;
    await persist();
    return succeeded(listed.value.length);
  }

  /** A listing's invoices into the maps (`watermark`: moving it on), suppliers read if new ones came. */
  async function absorb(listed: YokoyInvoice[], watermark: boolean, skip?: Set<string>): Promise<YokoyResult<void>> {
    let unknownSupplier = false;
    for (const invoice of listed) {
      if (skip?.has(invoice.id)) continue;
      const listedNow = indexedInvoice(legalEntityId, invoice);
      // Tags are only ever added (by this companion): a listing read before a PATCH landed
      // must not undo what `noteTag` recorded after it.
      const old = byId.get(listedNow.id);
      const next = { ...listedNow, tag: listedNow.tag ?? old?.tag, twinOf: listedNow.twinOf ?? old?.twinOf };
      upsert(next);
      if (watermark && next.lastModified && (!sync.watermark || next.lastModified > sync.watermark)) sync.watermark = next.lastModified;
      if (next.supplierId && !sync.suppliers[next.supplierId]) unknownSupplier = true;
    }
    return unknownSupplier ? readSuppliers() : succeeded(undefined);
  }

  /**
   * Lists the legal entity in full and forgets the invoices Yokoy no longer holds: what changed
   * since the watermark never tells of a deleted invoice, whose tag would go on answering
   * "already in Yokoy" for its Banqup document. Skipped when the last full listing is younger
   * than `maxAgeMs`. The daily alarm runs it, never a click. It leaves the watermark to the
   * incremental refreshes (a long listing's newest lastModified could pass over a change made
   * while it paged); an invoice written meanwhile (an upload answered, a refresh) is newer
   * than what it read and is kept as written. Returns how many invoices it forgot.
   */
  async function resync(maxAgeMs = 0): Promise<YokoyResult<number>> {
    if (sync.fullAt !== undefined && now() - sync.fullAt < maxAgeMs) return succeeded(0);
    touched = new Set();
    try {
      const startedAt = now();
      const listed = await invoices.find(legalEntityId, undefined);
      if (!listed.ok) return listed;
      const seen = new Set(listed.value.map((i) => i.id));
      const absorbed = await absorb(listed.value, false, touched);
      if (!absorbed.ok) return absorbed;
      let forgotten = 0;
      for (const inv of [...byId.values()]) {
        if (seen.has(inv.id) || touched.has(inv.id)) continue;
        forget(inv);
        forgotten++;
      }
      sync.fullAt = startedAt;
      replaceNext ||= forgotten > 0;
      await persist();
      return succeeded(forgotten);
    } finally {
      touched = undefined;
    }
  }

  function forget(inv: IndexedInvoice): void {
    byId.delete(inv.id);
    remove(byTag, inv.tag, inv);
    remove(byBucket, bucketKey(inv), inv);
    dirty.delete(inv.id);
  }

  /**
   * Asks Yokoy what changed since the last refresh (everything, the first time). One at a
   * time, and never older than the call: a pull already under way may have listed before
   * what the caller wants to see (its own upload, the last invoice of a run), so callers
   * arriving meanwhile share one more pull after it. `onPage`: invoices read so far.
   */
  const refresh: (onPage?: (read: number) => void) => Promise<YokoyResult<number>> = serialized(pull);

  let suppliersReading: Promise<YokoyResult<void>> | undefined;
  /** The legal entity's suppliers into `sync` (one request at a time). */
  function readSuppliers(): Promise<YokoyResult<void>> {
    suppliersReading ??= (async () => {
      const suppliers = await invoices.suppliers(legalEntityId);
      if (!suppliers.ok) return suppliers;
      for (const s of suppliers.value) {
        const facts = { name: text(s.name), vatId: text(s.taxNumber) };
        sync.suppliers[s.id] = facts;
        const org = text(s.supplierId);
        if (org) sync.suppliers[org] = facts;
      }
      return succeeded(undefined);
    })().finally(() => (suppliersReading = undefined));
    return suppliersReading;
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
      if (next.supplierId && !sync.suppliers[next.supplierId]) {
        // A supplier Yokoy made for this upload: read now, in the background, so the next
        // refresh (the next click on Start) need not wait a round trip for it.
        void readSuppliers().then(persistSoon, () => undefined);
      } else persistSoon();
      return next;
    },

    /** A tag this companion wrote (PATCH answered): keeps the maps right without a refresh. */
    noteTag(invoiceId: string, key: string, documentId: string): void {
      const old = byId.get(invoiceId);
      if (!old) return;
      upsert(key === BANQUP_KEY ? { ...old, tag: documentId } : key === TWIN_KEY ? { ...old, twinOf: documentId } : old);
      persistSoon();
    },

    all(): IterableIterator<IndexedInvoice> {
      return byId.values();
    },

    size(): number {
      return byId.size;
    },

    /** What changed in Yokoy since the last refresh (see `refresh` above). */
    refresh,

    /** A full listing that forgets invoices deleted in Yokoy (see `resync` above). */
    resync,

    /** Supplier facts of an indexed invoice (for the audit and the reconcile view). */
    factsOf,
  };
}

export type EntityIndex = ReturnType<typeof createEntityIndex>;

export function createYokoyIndex(env: { invoices: InvoiceApi; persistence?: IndexPersistence; now?: () => number }) {
  const entities = new Map<string, Promise<EntityIndex>>();
  const stale = new Set<string>();
  /** Bumped by `markStale`: a refresh answers the callers of its own generation. */
  const generation = new Map<string, number>();
  const staleRefresh = new Map<string, { generation: number; refreshed: Promise<YokoyResult<number>> }>();

  /** Legal entities whose index is being read back, with how to ask their early listing again. */
  const reading = new Map<string, () => void>();

  async function load(legalEntityId: string): Promise<EntityIndex> {
    if (!env.persistence) return createEntityIndex(legalEntityId, env.invoices, undefined, { invoices: [] }, undefined, env.now);
    // What changed since the last refresh is asked for as soon as the watermark is known (one
    // small record), while the index itself is read back: with 20,000 invoices indexed, the
    // read-back and Yokoy's answer each took a few hundred ms of a cold click, one after the other.
    const sync = await env.persistence.loadSync?.(legalEntityId);
    const watermark = sync?.watermark;
    const ask = () => {
      const asked = generation.get(legalEntityId) ?? 0;
      return {
        since: watermark!,
        listed: env.invoices.find(legalEntityId, `lastModified ge ${scimString(watermark!)}`),
        usable: () => (generation.get(legalEntityId) ?? 0) === asked,
      };
    };
    let early = watermark ? ask() : undefined;
    // Marked stale meanwhile (Start clicked while a preview's read-back runs): the listing asked
    // before is too old for the new run, so ask again now, beside the read-back, not after it.
    if (early) reading.set(legalEntityId, () => (early = ask()));
    try {
      const loaded = await env.persistence.load(legalEntityId);
      return createEntityIndex(legalEntityId, env.invoices, env.persistence, loaded, early, env.now);
    } finally {
      reading.delete(legalEntityId);
    }
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
        // Callers that find the index stale share one refresh: they ask for what changed since
        // it was marked stale, not since their own call (the jobs a run starts together made
        // a second listing each time, and waited for both).
        const current = generation.get(legalEntityId) ?? 0;
        let pending = staleRefresh.get(legalEntityId);
        if (!pending || pending.generation !== current) {
          const refreshed = index.refresh(onPage).then((answer) => {
            if (answer.ok && (generation.get(legalEntityId) ?? 0) === current) stale.delete(legalEntityId);
            if (staleRefresh.get(legalEntityId)?.refreshed === refreshed) staleRefresh.delete(legalEntityId);
            return answer;
          });
          pending = { generation: current, refreshed };
          staleRefresh.set(legalEntityId, pending);
        }
        const refreshed = await pending.refreshed;
        if (!refreshed.ok) return refreshed;
      }
      return succeeded(index);
    },

    /** The next `entity()` asks Yokoy what changed (a new run should see what arrived since). */
    markStale(legalEntityId?: string): void {
      for (const le of legalEntityId ? [legalEntityId] : entities.keys()) {
        stale.add(le);
        generation.set(le, (generation.get(le) ?? 0) + 1);
        reading.get(le)?.();
      }
    },
  };
}

export type YokoyIndex = ReturnType<typeof createYokoyIndex>;

/**
 * The index's IndexedDB side: per legal entity, a snapshot (`yokoyIndexSnapshots`, one value)
 * and a journal of what changed since (`yokoyInvoices`, one record per invoice, as before
 * upgrade 9), plus the sync record (`yokoySync`). Reading back 20,000 records took ~500 ms of
 * a click's wait on a cold worker; the snapshot is one value. Once the journal outgrows a tenth
 * of the snapshot (and 500), one transaction folds it in: it reads snapshot and journal again,
 * writes the merge and clears the journal, so a change saved meanwhile is never lost.
 */
export function idbIndexPersistence(db: () => Promise<IDBPDatabase<CompanionDB>>, options: { compactAt?: number } = {}): IndexPersistence {
  const minimum = options.compactAt ?? 500;
  const journal = new Map<string, number>();
  const range = (legalEntityId: string) => IDBKeyRange.bound(`${legalEntityId}|`, `${legalEntityId}|\uffff`);
  const snapshotSize = new Map<string, number>();

  function merge(legalEntityId: string, snapshot: IndexSnapshot | undefined, changed: IndexedInvoice[]): IndexedInvoice[] {
    const byId = new Map<string, IndexedInvoice>();
    if (snapshot) {
      for (const inv of JSON.parse(snapshot.invoices) as Omit<IndexedInvoice, 'key' | 'legalEntityId'>[])
        byId.set(inv.id, { ...inv, key: `${legalEntityId}|${inv.id}`, legalEntityId });
    }
    for (const inv of changed) byId.set(inv.id, inv);
    return [...byId.values()];
  }

  /** The legal entity's snapshot record for these invoices. */
  const snapshotOf = (legalEntityId: string, all: IndexedInvoice[]): IndexSnapshot => ({
    legalEntityId,
    count: all.length,
    invoices: JSON.stringify(all.map(({ key: _key, legalEntityId: _le, ...rest }) => rest)),
  });
  /** A snapshot was written and the journal cleared beside it. */
  const folded = (legalEntityId: string, count: number) => {
    journal.set(legalEntityId, 0);
    snapshotSize.set(legalEntityId, count);
  };

  async function compact(legalEntityId: string): Promise<void> {
    const tx = (await db()).transaction(['yokoyIndexSnapshots', 'yokoyInvoices'], 'readwrite');
    const snapshots = tx.objectStore('yokoyIndexSnapshots');
    const records = tx.objectStore('yokoyInvoices');
    const [snapshot, changed] = await Promise.all([snapshots.get(legalEntityId), records.getAll(range(legalEntityId))]);
    const all = merge(legalEntityId, snapshot, changed);
    await Promise.all([snapshots.put(snapshotOf(legalEntityId, all)), records.delete(range(legalEntityId)), tx.done]);
    folded(legalEntityId, all.length);
  }
  let compacting = Promise.resolve();
  const maybeCompact = (legalEntityId: string) => {
    const pending = journal.get(legalEntityId) ?? 0;
    if (pending < Math.max(minimum, (snapshotSize.get(legalEntityId) ?? 0) / 10)) return;
    journal.set(legalEntityId, 0); // one compaction at a time per growth
    compacting = compacting.then(() => compact(legalEntityId)).catch(() => undefined);
  };

  return {
    async loadSync(legalEntityId) {
      return (await db()).get('yokoySync', legalEntityId);
    },
    async load(legalEntityId) {
      const tx = (await db()).transaction(['yokoyIndexSnapshots', 'yokoyInvoices', 'yokoySync']);
      const [snapshot, changed, sync] = await Promise.all([
        tx.objectStore('yokoyIndexSnapshots').get(legalEntityId),
        tx.objectStore('yokoyInvoices').getAll(range(legalEntityId)),
        tx.objectStore('yokoySync').get(legalEntityId),
      ]);
      journal.set(legalEntityId, changed.length);
      snapshotSize.set(legalEntityId, snapshot?.count ?? 0);
      // A journal grown large (records from before upgrade 9, a long run) is folded in soon after.
      maybeCompact(legalEntityId);
      return { invoices: merge(legalEntityId, snapshot, changed), sync };
    },
    async save(invoices, sync) {
      const tx = (await db()).transaction(['yokoyInvoices', 'yokoySync'], 'readwrite');
      await Promise.all([...invoices.map((i) => tx.objectStore('yokoyInvoices').put(i)), tx.objectStore('yokoySync').put(sync), tx.done]);
      journal.set(sync.legalEntityId, (journal.get(sync.legalEntityId) ?? 0) + invoices.length);
      maybeCompact(sync.legalEntityId);
    },
    async replace(legalEntityId, invoices, sync) {
      const tx = (await db()).transaction(['yokoyIndexSnapshots', 'yokoyInvoices', 'yokoySync'], 'readwrite');
      await Promise.all([
        tx.objectStore('yokoyIndexSnapshots').put(snapshotOf(legalEntityId, invoices)),
        tx.objectStore('yokoyInvoices').delete(range(legalEntityId)),
        tx.objectStore('yokoySync').put(sync),
        tx.done,
      ]);
      folded(legalEntityId, invoices.length);
    },
    /** Resolves when no compaction is under way (tests, bench). */
    settled: () => compacting,
  };
}
