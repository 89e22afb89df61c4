/**
 * Imported files in IndexedDB: what each dropped file is (`importFiles`, small records) and
 * its bytes (`importBytes`, keyed by SHA-256), written by the Import page as it reads a drop
 * and read by the worker when the file's job runs; a worker stop loses nothing. Records go
 * once their job ended (sent, found, cancelled) or when a drop was never sent (a day later).
 *
 * A file's identity is `file:<sha256 of its bytes>` (the UBL's for an e-invoice, the PDF's for
 * a lone PDF): the job's document id, and the tag written into the Yokoy invoice.
 */
import type { IDBPDatabase } from 'idb';
import type { CompanionDB } from '../db/schema';
import { FILE_ID_PREFIX } from '../ids/ids';
import type { ImportFile } from './file-record';

export const FILE_PREFIX = FILE_ID_PREFIX;
export const isFileDocument = (documentId: string) => documentId.startsWith(FILE_PREFIX);

export type { ImportFacts, ImportFile, PdfOrigin } from './file-record';

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A drop not sent within a day was abandoned (the tab closed on its preview). */
export const STAGED_TTL_MS = 24 * 60 * 60 * 1000;

export function createFileStore(db: () => Promise<IDBPDatabase<CompanionDB>>) {
  return {
    async putBytes(key: string, bytes: Uint8Array): Promise<void> {
      await (await db()).put('importBytes', bytes, key);
    },
    /** Many in one transaction (a drop of thousands: one commit per batch, not per file). */
    async putBytesMany(entries: [key: string, bytes: Uint8Array][]): Promise<void> {
      if (!entries.length) return;
      const tx = (await db()).transaction('importBytes', 'readwrite');
      await Promise.all([...entries.map(([k, b]) => tx.store.put(b, k)), tx.done]);
    },
    async bytes(key: string): Promise<Uint8Array | undefined> {
      return (await db()).get('importBytes', key);
    },
    async putFiles(files: ImportFile[]): Promise<void> {
      const tx = (await db()).transaction('importFiles', 'readwrite');
      await Promise.all([...files.map((f) => tx.store.put(f)), tx.done]);
    },
    async file(id: string): Promise<ImportFile | undefined> {
      return (await db()).get('importFiles', id);
    },
    async files(ids: string[]): Promise<(ImportFile | undefined)[]> {
      const tx = (await db()).transaction('importFiles');
      const found = await Promise.all(ids.map((id) => tx.store.get(id)));
      await tx.done;
      return found;
    },
    async ids(): Promise<string[]> {
      return (await db()).getAllKeys('importFiles');
    },
    /**
     * Records a drop's files; a file already recorded (queued or sent from an earlier drop)
     * keeps its record, so dropping it again cannot undo what that drop did.
     */
    async stage(files: ImportFile[]): Promise<void> {
      const tx = (await db()).transaction('importFiles', 'readwrite');
      await Promise.all([...files.map(async (f) => (await tx.store.getKey(f.id)) === undefined && tx.store.put(f)), tx.done]);
    },
    /**
     * Deletes bytes no file record refers to (a PDF can be shared: the same one beside two
     * UBLs). A UBL's bytes belong to the record named after them (`file:<key>`); a PDF's are
     * looked up in the byPdf index. Costs one look-up per key, not a scan of the records.
     */
    async releaseBytes(keys: Iterable<string>): Promise<void> {
      const wanted = [...new Set(keys)];
      if (!wanted.length) return;
      const tx = (await db()).transaction(['importFiles', 'importBytes'], 'readwrite');
      const files = tx.objectStore('importFiles');
      const unused = await Promise.all(
        wanted.map(async (k) => (await files.getKey(FILE_PREFIX + k)) === undefined && (await files.index('byPdf').count(k)) === 0),
      );
      await Promise.all(wanted.filter((_, i) => unused[i]).map((k) => tx.objectStore('importBytes').delete(k)));
      await tx.done;
    },
    /** Deletes records, then the bytes no remaining record refers to. */
    async remove(ids: string[]): Promise<void> {
      if (!ids.length) return;
      const tx = (await db()).transaction('importFiles', 'readwrite');
      const gone = (await Promise.all(ids.map((id) => tx.store.get(id)))).filter((f): f is ImportFile => !!f);
      await Promise.all(gone.map((f) => tx.store.delete(f.id)));
      await tx.done;
      await this.releaseBytes(gone.flatMap((f) => [f.ublKey, f.pdfKey].filter((k): k is string => !!k)));
    },
  };
}

export type FileStore = ReturnType<typeof createFileStore>;
