/**
 * Folder import for the sandbox: valid UBL files become purchase documents (PDF embedded or
 * rendered, id from the content), anything else is reported by file name with a reason,
 * and nothing throws — not even a missing folder.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UUID_V4_RE } from '../../sandbox/data/ids';
import { importInvoiceFolder } from '../../sandbox/data/import';
import { isPdf } from '../../sandbox/data/ubl';

const FIXTURES = join(__dirname, '../fixtures/ubl');
const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'sandbox-import-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('importInvoiceFolder', () => {
  it('imports the two valid fixtures and rejects the broken one by name', () => {
    const dir = tempDir();
    for (const f of ['invoice-be-imprimerie.xml', 'creditnote-nl-reverse-charge.xml', 'broken-truncated.xml'])
      copyFileSync(join(FIXTURES, f), join(dir, f));
    const { imported, rejected } = importInvoiceFolder(dir);

    expect(imported.map((d) => d.fileName)).toEqual(['creditnote-nl-reverse-charge.xml', 'invoice-be-imprimerie.xml']);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.file).toBe('broken-truncated.xml');
    expect(rejected[0]!.reason).toMatch(/malformed XML/);

    const [cn, inv] = imported as [(typeof imported)[number], (typeof imported)[number]];
    expect(inv).toMatchObject({ folder: 'PURCHASES', kind: 'invoice', status: 'received', hasEmbeddedPdf: true });
    expect(inv.pdf.equals(inv.meta.embeddedPdf!.data)).toBe(true);
    expect(cn).toMatchObject({ kind: 'creditNote', hasEmbeddedPdf: false });
    expect(isPdf(cn.pdf)).toBe(true); // rendered, since the credit note has none
    for (const d of imported) {
      expect(d.documentId).toMatch(UUID_V4_RE);
      expect(d.ubl).toMatch(/^<\?xml/);
      expect(Number.isNaN(Date.parse(d.receivedAt))).toBe(false);
    }
  });

  it('imports an invoice whose application/pdf attachment is not a PDF, with a rendered PDF (OpenPEPPOL Norwegian example)', () => {
    const dir = tempDir();
    const xml = readFileSync(join(FIXTURES, 'creditnote-nl-reverse-charge.xml'), 'utf8');
    const fake = Buffer.from('This is not a PDF but a text file labelled as one').toString('base64');
    const att = `<ns3:AdditionalDocumentReference><ns2:ID>Doc1</ns2:ID><ns3:Attachment><ns2:EmbeddedDocumentBinaryObject mimeCode="application/pdf" filename="Invoice.pdf">${fake}</ns2:EmbeddedDocumentBinaryObject></ns3:Attachment></ns3:AdditionalDocumentReference>`;
    // Before the supplier party, where UBL puts document references.
    writeFileSync(join(dir, 'no-attachment-pdf.xml'), xml.replace('<ns3:AccountingSupplierParty>', `${att}<ns3:AccountingSupplierParty>`));
    const { imported, rejected } = importInvoiceFolder(dir);
    expect(rejected).toEqual([]);
    expect(imported).toHaveLength(1);
    expect(imported[0]!.hasEmbeddedPdf).toBe(false);
    expect(imported[0]!.meta.mislabelledAttachments).toEqual(['Invoice.pdf']);
    expect(isPdf(imported[0]!.pdf)).toBe(true);
  });

  it('ids come from the content: the same file in another folder keeps its id; a copy is a duplicate', () => {
    const a = tempDir();
    const b = tempDir();
    copyFileSync(join(FIXTURES, 'invoice-be-imprimerie.xml'), join(a, 'one.xml'));
    copyFileSync(join(FIXTURES, 'invoice-be-imprimerie.xml'), join(b, 'other-name.xml'));
    copyFileSync(join(FIXTURES, 'invoice-be-imprimerie.xml'), join(b, 'zz-copy.xml'));
    const ra = importInvoiceFolder(a);
    const rb = importInvoiceFolder(b);
    expect(rb.imported[0]!.documentId).toBe(ra.imported[0]!.documentId);
    expect(rb.rejected).toEqual([{ file: 'zz-copy.xml', reason: 'same content as other-name.xml (duplicate)' }]);
  });

  it('rejects non-XML files, non-UBL XML, empty files and subfolders with readable reasons', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'scan.pdf'), '%PDF-1.4\n%%EOF\n');
    writeFileSync(join(dir, 'order.xml'), '<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"><ID>1</ID></Order>');
    writeFileSync(join(dir, 'empty.xml'), '');
    writeFileSync(join(dir, 'readme'), 'notes');
    mkdirSync(join(dir, 'archive'));
    const { imported, rejected } = importInvoiceFolder(dir);
    expect(imported).toEqual([]);
    expect(rejected.map((r) => r.file)).toEqual(['archive', 'empty.xml', 'order.xml', 'readme', 'scan.pdf']);
    const reason = (f: string): string => rejected.find((r) => r.file === f)!.reason;
    expect(reason('archive')).toMatch(/folder/);
    expect(reason('empty.xml')).toMatch(/empty/);
    expect(reason('order.xml')).toMatch(/Invoice or CreditNote.*'Order'/);
    expect(reason('scan.pdf')).toMatch(/not an \.xml file/);
  });

  it('a base64-wrapped UBL file is imported with the XML itself stored', () => {
    const dir = tempDir();
    const src = readFileSync(join(FIXTURES, 'creditnote-nl-reverse-charge.xml'));
    writeFileSync(join(dir, 'wrapped.xml'), src.toString('base64'));
    const { imported } = importInvoiceFolder(dir);
    expect(imported).toHaveLength(1);
    expect(imported[0]!.ubl).toBe(src.toString('utf8'));
  });

  it('a missing folder (or a file given as folder) is one rejected entry, not an exception', () => {
    const missing = join(tmpdir(), 'definitely-not-here-4f1c');
    expect(importInvoiceFolder(missing)).toEqual({ imported: [], rejected: [{ file: missing, reason: 'folder not found' }] });
    const dir = tempDir();
    writeFileSync(join(dir, 'f.xml'), '<x/>');
    expect(importInvoiceFolder(join(dir, 'f.xml')).rejected[0]!.reason).toBe('not a folder');
  });
});
