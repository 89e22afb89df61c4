/**
 * The extension's one IndexedDB database and its numbered upgrades. Add a version by appending
 * to `upgrades`; never edit a shipped one.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Job, JobState } from '../export/job';
import { fromLegacyReason, isLegacyReason } from '../failures/legacy';
import type { ImportFile } from '../import/file-record';
import type { IndexedInvoice, IndexSnapshot, IndexSync } from '../export/index-records';

export interface VaultRecord {
  /** `clientSecret` today. */
  name: string;
  iv: Uint8Array;
  ciphertext: ArrayBuffer;
}

export interface CompanionDB extends DBSchema {
  /** Non-extractable CryptoKeys (structured-cloned by IndexedDB, never exported). */
  keys: { key: string; value: CryptoKey };
  /** Encrypted values. */
  vault: { key: string; value: VaultRecord };
  /** Export jobs, one per (legal entity, Banqup document): the queue and the history. */
  jobs: {
    key: string;
    value: Job;
    indexes: {
      byState: JobState;
      byUpdated: number;
      byRun: string;
      byStateDue: [JobState, number];
      byRunState: [string, JobState];
      byBucket: [string, string];
      byStateUpdated: [JobState, number];
      byUntagged: number;
    };
  };
  /** The Yokoy invoice index (lib/export/yokoy-index.ts), `${legalEntityId}|${invoiceId}`. */
  yokoyInvoices: { key: string; value: IndexedInvoice; indexes: { byEntity: string } };
  /** Per legal entity: how far the index has read Yokoy, and its suppliers. */
  yokoySync: { key: string; value: IndexSync };
  /** Per legal entity: the index in one value (`yokoyInvoices` holds what changed since; see yokoy-index.ts). */
  yokoyIndexSnapshots: { key: string; value: IndexSnapshot };
  /** Imported files waiting to be sent (what each is, where its bytes are): pruned once sent. */
  importFiles: { key: string; value: ImportFile; indexes: { byStaged: number; byPdf: string } };
  /** The bytes of imported files (UBL, PDF), keyed by their SHA-256, so they survive a worker stop. */
  importBytes: { key: string; value: Uint8Array };
}

export const DB_NAME = 'yokoy-companion';

type UpgradeTx = IDBPTransaction<CompanionDB, StoreNames<CompanionDB>[], 'versionchange'>;

const upgrades: ((db: IDBPDatabase<CompanionDB>, tx: UpgradeTx) => void)[] = [
  // 1: the vault.
  (db) => {
    db.createObjectStore('keys');
    db.createObjectStore('vault', { keyPath: 'name' });
  },
  // 2: the export queue.
  (db) => {
    const jobs = db.createObjectStore('jobs', { keyPath: 'id' });
    jobs.createIndex('byState', 'state');
    jobs.createIndex('byUpdated', 'updatedAt');
    jobs.createIndex('byRun', 'runId');
  },
  // 3: due jobs straight from an index (the runner asks after every job; scanning the whole
  // queue each time made a backfill of thousands quadratic).
  (_db, tx) => {
    tx.objectStore('jobs').createIndex('byStateDue', ['state', 'nextAttemptAt']);
  },
  // 4: a run's progress as index counts (the popup asks twice a second while open).
  (_db, tx) => {
    tx.objectStore('jobs').createIndex('byRunState', ['runId', 'state']);
  },
  // 5: the Yokoy invoice index, persisted so a run refreshes it incrementally instead of
  // listing the whole legal entity; jobs by facts bucket, so the matcher counts the documents
  // that share an untagged invoice's facts (one-to-one matching).
  (db, tx) => {
    db.createObjectStore('yokoyInvoices', { keyPath: 'key' }).createIndex('byEntity', 'legalEntityId');
    db.createObjectStore('yokoySync', { keyPath: 'legalEntityId' });
    tx.objectStore('jobs').createIndex('byBucket', ['legalEntityId', 'bucket']);
  },
  // 6: costs that stay flat with 100,000 jobs: the history paged newest first per state, and the
  // few invoices still to tag found without reading every finished job at worker start
  // (`untaggedSince` exists only on those, so the index holds only them).
  (_db, tx) => {
    const jobs = tx.objectStore('jobs');
    jobs.createIndex('byStateUpdated', ['state', 'updatedAt']);
    jobs.createIndex('byUntagged', 'untaggedSince');
    // Jobs stored before this version: mark the untagged ones (one pass, once).
    void (async () => {
      for (let cursor = await jobs.openCursor(); cursor; cursor = await cursor.continue()) {
        const job = cursor.value;
        if ((job.state === 'done' || job.state === 'duplicate') && job.yokoyInvoiceId && !job.tagged && job.untaggedSince === undefined) {
          await cursor.update({ ...job, untaggedSince: job.updatedAt });
        }
      }
    })();
  },
  // 7: imported files (issue 15): what was dropped, and its bytes until it is sent.
  (db) => {
    const files = db.createObjectStore('importFiles', { keyPath: 'id' });
    files.createIndex('byStaged', 'stagedAt');
    // Whether a PDF's bytes are still needed (one PDF can sit beside two UBLs), without a scan.
    files.createIndex('byPdf', 'pdfKey');
    db.createObjectStore('importBytes');
  },
  // 8: failures became typed values (lib/failures): a stored `{ code: 'yokoy:validation' }`
  // reason becomes `{ source: 'yokoy', kind: 'validation' }` (one pass, once).
  (_db, tx) => {
    const jobs = tx.objectStore('jobs');
    void (async () => {
      for (let cursor = await jobs.openCursor(); cursor; cursor = await cursor.continue()) {
        const reason: unknown = cursor.value.reason;
        if (isLegacyReason(reason)) await cursor.update({ ...cursor.value, reason: fromLegacyReason(reason) });
      }
    })();
  },
  // 9: the Yokoy index read back as one value per legal entity, not 20,000 records (issue 16).
  // What `yokoyInvoices` holds now becomes the journal on top of an empty snapshot: the first
  // compaction folds it in.
  (db) => {
    db.createObjectStore('yokoyIndexSnapshots', { keyPath: 'legalEntityId' });
  },
];

export const DB_VERSION = upgrades.length;

/** Opens (and upgrades) the database; tests pass their own name for a fresh one. */
export function openCompanionDB(name = DB_NAME): Promise<IDBPDatabase<CompanionDB>> {
  return openDB<CompanionDB>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      for (let v = oldVersion; v < upgrades.length; v++) upgrades[v]!(db, tx);
    },
  });
}

let shared: Promise<IDBPDatabase<CompanionDB>> | undefined;

/** The worker's one connection, opened on first use. */
export function companionDB(): Promise<IDBPDatabase<CompanionDB>> {
  shared ??= openCompanionDB();
  return shared;
}
