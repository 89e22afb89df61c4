/**
 * The extension's one IndexedDB database and its numbered upgrades. Add a version by appending
 * to `upgrades`; never edit a shipped one.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Job, JobState } from '../export/job';
import type { ImportFile } from '../import/files';

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
  jobs: { key: string; value: Job; indexes: { byState: JobState; byUpdated: number; byRun: string; byStateDue: [JobState, number]; byRunState: [string, JobState] } };
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
  // 5: imported files (issue 15): what was dropped, and its bytes until it is sent.
  (db) => {
    const files = db.createObjectStore('importFiles', { keyPath: 'id' });
    files.createIndex('byStaged', 'stagedAt');
    // Whether a PDF's bytes are still needed (one PDF can sit beside two UBLs), without a scan.
    files.createIndex('byPdf', 'pdfKey');
    db.createObjectStore('importBytes');
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
