/**
 * Reads a ZIP archive entry by entry, with limits, never the whole archive at once.
 *
 * zip.js (@zip.js/zip.js) reads the central directory through `Blob.slice` (random access on a
 * dropped File: only the directory and one entry's bytes are read at a time), so a 500 MB
 * archive costs the memory of its largest accepted entry, not 500 MB. It tells encrypted
 * entries and the declared sizes before anything is inflated, which is what the limits need;
 * a reader of local headers alone (fflate's streaming Unzip) cannot see either. Inflating uses
 * the browser's own DecompressionStream (no web workers: the page and tests run it inline).
 *
 * Each entry comes out as bytes or as a refusal with a reason; a refused entry never stops
 * the others, except the limits of the whole archive (entries, total size), which stop it.
 */
import { BlobReader, configure, ZipReader, type Entry } from '@zip.js/zip.js';

configure({ useWebWorkers: false });

export interface ArchiveLimits {
  /** Entries (files and folders) read at most; the rest is refused as a whole. */
  maxEntries: number;
  /** One entry's uncompressed size. */
  maxEntryBytes: number;
  /** All entries' uncompressed sizes together. */
  maxTotalBytes: number;
  /** Uncompressed / compressed beyond this (for entries over 1 MB) is a bomb, not an invoice. */
  maxRatio: number;
}

export const defaultLimits: ArchiveLimits = {
  maxEntries: 20_000,
  maxEntryBytes: 50 * 1024 * 1024,
  maxTotalBytes: 4 * 1024 * 1024 * 1024,
  maxRatio: 100,
};

export type ArchiveRefusal =
  | 'zip-corrupt'
  | 'zip-encrypted'
  | 'zip-too-many-entries'
  | 'zip-entry-too-large'
  | 'zip-total-too-large'
  | 'zip-ratio'
  | 'zip-unsafe-name'
  | 'zip-nested';

export type ArchiveItem =
  | { kind: 'file'; path: string; bytes: Uint8Array }
  | { kind: 'refused'; path: string; reason: ArchiveRefusal; detail?: string };

const RATIO_FLOOR = 1024 * 1024;

/**
 * An entry name that could escape the folder it is unpacked into, or hide what it is: `..`
 * segments, absolute paths, drive letters, control characters. Such names are refused, not
 * cleaned: the archive was made by something that should not be trusted with the rest.
 */
export function unsafeEntryName(name: string): boolean {
  if (name.length === 0 || name.length > 1024) return true;
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(name)) return true;
  const path = name.replace(/\\/g, '/');
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.startsWith('//')) return true;
  return path.split('/').some((segment) => segment === '..');
}

class LimitExceeded extends Error {
  constructor(readonly reason: ArchiveRefusal) {
    super(reason);
  }
}

/** Collects an entry's bytes, refusing as soon as it grows past what was allowed. */
function boundedSink(limit: number, reason: ArchiveRefusal) {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const writable = new WritableStream<Uint8Array>({
    write(chunk) {
      size += chunk.byteLength;
      if (size > limit) throw new LimitExceeded(reason);
      chunks.push(chunk);
    },
  });
  return {
    writable,
    bytes(): Uint8Array {
      const out = new Uint8Array(size);
      let at = 0;
      for (const c of chunks) {
        out.set(c, at);
        at += c.byteLength;
      }
      return out;
    },
  };
}

export async function* readArchive(archive: Blob, archiveName: string, limits: ArchiveLimits = defaultLimits): AsyncGenerator<ArchiveItem> {
  const reader = new ZipReader(new BlobReader(archive));
  let entries = 0;
  let total = 0;
  try {
    // Names are judged here (unsafeEntryName), one entry at a time: zip.js's own check would
    // stop the whole archive at the first bad name.
    const listing = reader.getEntriesGenerator({ filenameValidation: 'tolerant' });
    for (;;) {
      let next: IteratorResult<Entry, boolean>;
      try {
        next = await listing.next();
      } catch (error) {
        yield { kind: 'refused', path: archiveName, reason: 'zip-corrupt', detail: message(error) };
        return;
      }
      if (next.done) return;
      const entry = next.value;
      if (!entry) return;
      if (++entries > limits.maxEntries) {
        yield { kind: 'refused', path: archiveName, reason: 'zip-too-many-entries', detail: String(limits.maxEntries) };
        return;
      }
      const path = entry.filename;
      if (unsafeEntryName(path)) {
        yield { kind: 'refused', path: path.replace(/[\x00-\x1f\x7f]/g, '?').slice(0, 300), reason: 'zip-unsafe-name' };
        continue;
      }
      if (entry.directory) continue;
      // macOS adds resource forks next to every file; they are never invoices.
      if (/(^|\/)__MACOSX\//.test(path) || /(^|\/)\._/.test(path)) continue;
      if (entry.encrypted) {
        yield { kind: 'refused', path, reason: 'zip-encrypted' };
        continue;
      }
      if (/\.zip$/i.test(path)) {
        yield { kind: 'refused', path, reason: 'zip-nested' };
        continue;
      }
      const declared = entry.uncompressedSize;
      if (declared > limits.maxEntryBytes) {
        yield { kind: 'refused', path, reason: 'zip-entry-too-large', detail: String(limits.maxEntryBytes) };
        continue;
      }
      if (declared > RATIO_FLOOR && declared / Math.max(1, entry.compressedSize) > limits.maxRatio) {
        yield { kind: 'refused', path, reason: 'zip-ratio', detail: String(limits.maxRatio) };
        continue;
      }
      if (total + declared > limits.maxTotalBytes) {
        yield { kind: 'refused', path: archiveName, reason: 'zip-total-too-large', detail: String(limits.maxTotalBytes) };
        return;
      }
      // Declared sizes can lie: the sink counts what really comes out.
      const ratioCap = Math.max(RATIO_FLOOR, entry.compressedSize * limits.maxRatio);
      const cap = Math.min(limits.maxEntryBytes, ratioCap, limits.maxTotalBytes - total);
      const sink = boundedSink(
        cap,
        cap === ratioCap ? 'zip-ratio' : cap === limits.maxEntryBytes ? 'zip-entry-too-large' : 'zip-total-too-large',
      );
      try {
        await entry.getData!(sink.writable);
      } catch (error) {
        const reason =
          error instanceof LimitExceeded ? error.reason : /encrypt|password/i.test(message(error)) ? 'zip-encrypted' : 'zip-corrupt';
        if (reason === 'zip-total-too-large') {
          yield { kind: 'refused', path: archiveName, reason, detail: String(limits.maxTotalBytes) };
          return;
        }
        yield { kind: 'refused', path, reason, detail: error instanceof LimitExceeded ? undefined : message(error) };
        continue;
      }
      const bytes = sink.bytes();
      total += bytes.byteLength;
      yield { kind: 'file', path, bytes };
    }
  } finally {
    await reader.close().catch(() => undefined);
  }
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 200);
