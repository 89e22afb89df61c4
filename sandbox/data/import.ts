/**
 * Folder import for the sandbox: turns a folder of real-world UBL files into Banqup
 * purchase documents, so a tester can try the extension on their own invoices. Reads the
 * folder's files (not subfolders) in name order; every file that is not a UBL Invoice or
 * CreditNote is reported back with a readable reason. Never throws.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { uuidFromContent } from './ids';
import { renderInvoicePdf } from './pdf';
import type { SandboxDocument } from './seed';
import { MAX_UBL_BYTES, parseUbl } from './ubl';

export interface ImportResult {
  imported: SandboxDocument[];
  rejected: { file: string; reason: string }[];
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function importInvoiceFolder(dir: string): ImportResult {
  const result: ImportResult = { imported: [], rejected: [] };
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) {
      result.rejected.push({ file: dir, reason: 'not a folder' });
      return result;
    }
    names = readdirSync(dir).sort();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    result.rejected.push({ file: dir, reason: code === 'ENOENT' ? 'folder not found' : `folder cannot be read: ${message(e)}` });
    return result;
  }

  for (const name of names) {
    const path = join(dir, name);
    try {
      const st = statSync(path);
      if (st.isDirectory()) {
        result.rejected.push({ file: name, reason: 'is a folder (subfolders are not imported)' });
        continue;
      }
      if (!name.toLowerCase().endsWith('.xml')) {
        result.rejected.push({ file: name, reason: 'not an .xml file (only Peppol UBL invoices and credit notes are imported)' });
        continue;
      }
      if (st.size > MAX_UBL_BYTES) {
        result.rejected.push({ file: name, reason: `too large (${st.size} bytes; the limit is ${MAX_UBL_BYTES})` });
        continue;
      }
      const content = readFileSync(path);
      const parsed = parseUbl(content);
      if (!parsed.ok) {
        result.rejected.push({
          file: name,
          reason: `not a valid UBL invoice: ${parsed.errors.map((er) => `${er.field} ${er.message}`).join('; ')}`,
        });
        continue;
      }
      // Same bytes → same id: a copy of a file already imported would be a duplicate document.
      const documentId = uuidFromContent(content);
      const twin = result.imported.find((d) => d.documentId === documentId);
      if (twin) {
        result.rejected.push({ file: name, reason: `same content as ${twin.fileName} (duplicate)` });
        continue;
      }
      const meta = parsed.invoice;
      const embedded = meta.embeddedPdf?.data;
      const text = content.toString('utf8').replace(/^\uFEFF/, '');
      result.imported.push({
        documentId,
        folder: 'PURCHASES',
        kind: meta.kind,
        status: 'received',
        receivedAt: st.mtime.toISOString(),
        fileName: name,
        // parseUbl also reads base64-wrapped XML; the store keeps the XML itself.
        ubl: text.trimStart().startsWith('<') ? text : Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('utf8'),
        pdf: embedded ?? renderInvoicePdf(meta),
        hasEmbeddedPdf: embedded !== undefined,
        meta,
      });
    } catch (e) {
      result.rejected.push({ file: name, reason: `cannot be read: ${message(e)}` });
    }
  }
  return result;
}
