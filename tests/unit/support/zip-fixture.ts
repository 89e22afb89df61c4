/** Builds ZIP archives for the archive reader's tests with zip.js's writer. */
import { BlobWriter, Uint8ArrayReader, ZipWriter } from '@zip.js/zip.js';

export interface ZipEntry {
  name: string;
  bytes: Uint8Array | string;
  password?: string;
  /** 0 = stored. */
  level?: number;
}

export async function makeZip(entries: ZipEntry[]): Promise<Blob> {
  const writer = new ZipWriter(new BlobWriter('application/zip'), { useWebWorkers: false });
  for (const e of entries) {
    const bytes = typeof e.bytes === 'string' ? new TextEncoder().encode(e.bytes) : e.bytes;
    await writer.add(e.name, new Uint8ArrayReader(bytes), {
      password: e.password,
      level: e.level,
      encryptionStrength: e.password ? 3 : undefined,
    });
  }
  return writer.close();
}
