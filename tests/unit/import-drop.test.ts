/**
 * A drop read end to end in the page's code: a ZIP of UBLs (PDF embedded, beside it, none),
 * a credit note, a lone PDF and broken files; pairing, de-duplication within the drop, bytes
 * in IndexedDB, the summary; then the worker's side: judging against the Yokoy invoice index
 * (with its suppliers) and the queue, the
 * runner's file source, and pruning once a job is done.
 */
import { describe, expect, it } from 'vitest';
import { openCompanionDB } from '../../lib/db/schema';
import { newJob, transition } from '../../lib/export/job';
import { createJobStore } from '../../lib/export/job-store';
import type { InvoiceApi, YokoyInvoice } from '../../lib/export/yokoy-invoices';
import { judge } from '../../lib/import/check';
import { createEntityIndex, createYokoyIndex, indexedInvoice } from '../../lib/export/yokoy-index';
import type { DocumentSource } from '../../lib/export/document-source';
import { readDrop } from '../../lib/import/drop';
import { createFileStore, type ImportFile } from '../../lib/import/files';
import { createFilePruner } from '../../lib/import/prune';
import { createImportService } from '../../lib/import/service';
import { withFileSource } from '../../lib/import/source';
import { summarize } from '../../lib/import/summary';
import { base64, sample, tinyPdf, writeFixture } from './support/ubl-fixture';
import { makeZip } from './support/zip-fixture';

let n = 0;
async function fixture() {
  const db = openCompanionDB(`import-test-${++n}`);
  const files = createFileStore(() => db);
  return { db, files };
}

async function sampleDrop() {
  const zip = await makeZip([
    {
      name: 'may/INV-1.xml',
      bytes: writeFixture({ ...sample, number: 'INV-1', pdf: { fileName: 'INV-1.pdf', base64: base64(tinyPdf('embedded 1')) } }),
    },
    { name: 'may/INV-1.pdf', bytes: tinyPdf('sibling of 1, already embedded') },
    { name: 'may/INV-2.xml', bytes: writeFixture({ ...sample, number: 'INV-2', gross: '100.00', payable: '100.00' }) },
    { name: 'may/inv-2.PDF', bytes: tinyPdf('sibling of 2') },
    { name: 'june/CN-1.xml', bytes: writeFixture({ ...sample, kind: 'creditNote', number: 'CN-1', gross: '10.50', payable: '10.50' }) },
    {
      name: 'june/USD-1.xml',
      bytes: writeFixture({ ...sample, number: 'USD-1', currency: 'USD', gross: '5.00', supplierVat: 'US123', supplierName: 'Other Inc' }),
    },
    { name: 'june/scan.pdf', bytes: tinyPdf('a scan') },
    { name: 'june/broken.xml', bytes: '<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"><cbc:ID>' },
    { name: 'june/order.xml', bytes: '<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"/>' },
    { name: 'june/notes.docx', bytes: 'PK-ish but not' },
    { name: 'june/copy-of-INV-2.xml', bytes: writeFixture({ ...sample, number: 'INV-2', gross: '100.00', payable: '100.00' }) },
    { name: '.DS_Store', bytes: 'junk' },
  ]);
  return [
    { name: 'drop.zip', blob: zip },
    { name: 'loose.xml', blob: new Blob([writeFixture({ ...sample, number: 'LOOSE-1', gross: '1.00' })]) },
    { name: 'photo.jpg', blob: new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])]) },
  ];
}

describe('readDrop', () => {
  it('pairs, refuses by name, de-duplicates and stores the bytes', async () => {
    const { files } = await fixture();
    const result = await readDrop(await sampleDrop(), {
      putBytes: files.putBytes,
      deleteBytes: (k) => files.releaseBytes(k),
      now: () => 1,
      dropId: 'drop-1',
    });
    const byName = Object.fromEntries(result.files.map((f) => [f.name, f]));
    expect(Object.keys(byName).sort()).toEqual([
      'drop.zip/june/CN-1.xml',
      'drop.zip/june/USD-1.xml',
      'drop.zip/june/scan.pdf',
      'drop.zip/may/INV-1.xml',
      'drop.zip/may/INV-2.xml',
      'loose.xml',
    ]);
    expect(byName['drop.zip/may/INV-1.xml']).toMatchObject({
      kind: 'invoice',
      pdfOrigin: 'embedded',
      facts: { number: 'INV-1', currency: 'EUR', total: 1210.5, supplierVatId: 'BE0403123486' },
    });
    expect(byName['drop.zip/may/INV-2.xml']).toMatchObject({ pdfOrigin: 'sibling', pdfName: 'drop.zip/may/inv-2.PDF' });
    expect(byName['drop.zip/june/CN-1.xml']).toMatchObject({ kind: 'creditNote', pdfOrigin: 'generated' });
    expect(byName['drop.zip/june/scan.pdf']).toMatchObject({ kind: 'pdf', pdfOrigin: 'file' });
    expect(result.skipped.map((s) => `${s.name}: ${s.reason}`).sort()).toEqual([
      'drop.zip/june/broken.xml: ubl:malformed',
      'drop.zip/june/copy-of-INV-2.xml: same-file-twice',
      'drop.zip/june/notes.docx: unsupported-type',
      'drop.zip/june/order.xml: ubl:not-an-invoice',
      'drop.zip/may/INV-1.pdf: pdf-already-embedded',
      'photo.jpg: unsupported-type',
    ]);
    // Each file's bytes are stored, keyed by content; the PDF beside INV-1 was let go.
    for (const f of result.files) {
      expect(await files.bytes(f.pdfKey), f.name).toBeDefined();
      if (f.ublKey) expect(new TextDecoder().decode(await files.bytes(f.ublKey))).toContain('<cbc:ID>');
      expect(f.id).toMatch(/^file:[0-9a-f]{64}$/);
    }
    const generated = new TextDecoder().decode(await files.bytes(byName['drop.zip/june/CN-1.xml']!.pdfKey));
    expect(generated).toContain('Summary generated by Yokoy Companion');
    expect(summarize(result.files)).toEqual({
      invoices: 4,
      creditNotes: 1,
      pdfs: 1,
      generatedPdfs: 3,
      suppliers: 2,
      totals: [
        { currency: 'EUR', amount: 1210.5 + 100 + 1 - 10.5 },
        { currency: 'USD', amount: 5 },
      ],
    });
  });

  it('refuses the same invoice twice in a drop even when its bytes differ', async () => {
    const { files } = await fixture();
    const a = new Blob([writeFixture({ ...sample, number: 'X-1' })]);
    const b = new Blob([writeFixture({ ...sample, number: 'X-1' }, 'no-prefix')]);
    const result = await readDrop(
      [
        { name: 'a.xml', blob: a },
        { name: 'b.xml', blob: b },
      ],
      { putBytes: files.putBytes, deleteBytes: (k) => files.releaseBytes(k), now: () => 1, dropId: 'drop-2' },
    );
    expect(result.files.map((f) => f.name)).toEqual(['a.xml']);
    expect(result.skipped).toEqual([{ name: 'b.xml', reason: 'same-invoice-twice', detail: 'a.xml' }]);
  });
});

const inv = (over: Partial<YokoyInvoice>): YokoyInvoice => ({
  id: 'y1',
  invoiceNumber: 'INV-1',
  date: '2026-05-04',
  currency: 'EUR',
  grossAmount: 1210.5,
  supplierId: 's1',
  customInformation: null,
  ...over,
});
const suppliers = { s1: { name: 'Acme NV', vatId: 'BE 0403.123.486' } };
/** The export's own index, loaded with these invoices (no Yokoy behind it). */
const indexOf = (invoices: YokoyInvoice[]) =>
  createEntityIndex('le', {} as InvoiceApi, undefined, {
    invoices: invoices.map((i) => indexedInvoice('le', i)),
    sync: { legalEntityId: 'le', suppliers },
  });

describe('judge', () => {
  const item = {
    id: `file:${'a'.repeat(64)}`,
    facts: { number: 'INV-1', issueDate: '2026-05-04', currency: 'EUR', total: 1210.5, supplierVatId: 'BE0403123486' },
  };
  it('says why a file creates nothing new, and lets an untagged match through to be tagged', () => {
    const job = (state: 'done' | 'queued') => ({
      ...newJob({ documentId: item.id, legalEntityId: 'le', source: 'import', now: 5 }),
      state,
    });
    expect(judge(item, undefined, indexOf([]))).toEqual({ verdict: 'new' });
    expect(judge(item, job('done'), indexOf([])).verdict).toBe('already-imported');
    expect(judge(item, job('queued'), indexOf([])).verdict).toBe('in-queue');
    expect(judge(item, undefined, indexOf([inv({ customInformation: { banqupDocumentId: item.id } })])).verdict).toBe('already-imported');
    expect(
      judge(item, undefined, indexOf([inv({ customInformation: { banqupDocumentId: '3f2a9c1e-1111-4222-8333-123456789abc' } })])),
    ).toMatchObject({ verdict: 'sent-from-banqup', documentId: '3f2a9c1e-1111-4222-8333-123456789abc' });
    expect(judge(item, undefined, indexOf([inv({ customInformation: { banqupDocumentId: `file:${'b'.repeat(64)}` } })])).verdict).toBe(
      'imported-from-other-file',
    );
    expect(judge(item, undefined, indexOf([inv({})]))).toEqual({ verdict: 'untagged-in-yokoy', yokoyInvoiceId: 'y1' });
    // An untagged match and one another document owns: the file is that document's invoice, nothing is adopted.
    expect(
      judge(
        item,
        undefined,
        indexOf([inv({}), inv({ id: 'y2', customInformation: { banqupDocumentId: '3f2a9c1e-1111-4222-8333-123456789abc' } })]),
      ).verdict,
    ).toBe('sent-from-banqup');
    // Same number, other facts: another invoice.
    expect(judge(item, undefined, indexOf([inv({ grossAmount: 99 })])).verdict).toBe('new');
    expect(judge(item, undefined, indexOf([inv({ date: '2026-05-05' })])).verdict).toBe('new');
    expect(judge(item, undefined, indexOf([inv({ isCreditNote: true })])).verdict).toBe('new');
    expect(judge({ ...item, facts: { ...item.facts, creditNote: true } }, undefined, indexOf([inv({ isCreditNote: true })])).verdict).toBe(
      'untagged-in-yokoy',
    );
    // Another supplier with the same number, or a supplier Yokoy does not name: never this file's invoice.
    expect(judge(item, undefined, indexOf([inv({ supplierId: 's2' })])).verdict).toBe('new');
    expect(judge(item, undefined, indexOf([inv({ supplierId: undefined })])).verdict).toBe('new');
  });
});

describe('the worker side', () => {
  async function staged() {
    const { db, files } = await fixture();
    const result = await readDrop(await sampleDrop(), {
      putBytes: files.putBytes,
      deleteBytes: (k) => files.releaseBytes(k),
      now: () => 1,
      dropId: 'drop-1',
    });
    await files.stage(result.files);
    return { db, files, result };
  }

  it('answers the runner’s reads for file ids from IndexedDB and passes the rest to Banqup', async () => {
    const { files, result } = await staged();
    const banqup = {
      describe: async () => ({ ok: true, value: 'banqup' }),
      ubl: async () => ({ ok: true, value: 'banqup-ubl' }),
      pdf: async () => ({ ok: true, value: new Blob(['b']) }),
    } as unknown as DocumentSource;
    const source = withFileSource(banqup, files);
    const ubl = result.files.find((f) => f.facts.number === 'INV-2')!;
    expect(await source.describe(ubl.id)).toMatchObject({
      ok: true,
      value: {
        kind: 'invoice',
        hasUbl: true,
        facts: { invoiceNumber: 'INV-2', currency: 'EUR', total: 100, supplierVatId: 'BE0403123486', creditNote: false },
      },
    });
    const note = result.files.find((f) => f.kind === 'creditNote')!;
    expect(await source.describe(note.id)).toMatchObject({
      ok: true,
      value: { kind: 'credit-note', facts: { invoiceNumber: 'CN-1', creditNote: true } },
    });
    const text = await source.ubl(ubl.id);
    expect(text.ok && text.value instanceof Uint8Array && new TextDecoder().decode(text.value)).toContain('<cbc:ID>INV-2</cbc:ID>');
    const pdf = await source.pdf(ubl.id);
    expect(pdf.ok && pdf.value instanceof Uint8Array && new TextDecoder().decode(pdf.value)).toContain('sibling of 2');
    const lone = result.files.find((f) => f.kind === 'pdf')!;
    expect(await source.describe(lone.id)).toMatchObject({ ok: true, value: { hasUbl: false, kind: 'invoice' } });
    expect(await source.ubl(lone.id)).toEqual({ ok: true, value: undefined });
    expect(await source.describe(`file:${'0'.repeat(64)}`)).toMatchObject({ ok: false, failure: { kind: 'not-found' } });
    expect(await source.describe('3f2a9c1e-1111-4222-8333-123456789abc')).toEqual({ ok: true, value: 'banqup' });
  });

  it('queues what the user sends, keeps an earlier drop’s record on a second drop, prunes once done', async () => {
    const { db, files, result } = await staged();
    const jobs = createJobStore(() => db);
    const enqueued: string[] = [];
    const service = createImportService({
      files,
      jobs,
      // The export's index, refreshed from a Yokoy that holds LOOSE-1 sent from Banqup (its supplier listed apart, as Yokoy does).
      index: createYokoyIndex({
        invoices: {
          find: async () => ({
            ok: true,
            value: [
              inv({
                invoiceNumber: 'LOOSE-1',
                grossAmount: 1,
                customInformation: { banqupDocumentId: '3f2a9c1e-1111-4222-8333-123456789abc' },
              }),
            ],
          }),
          suppliers: async () => ({ ok: true, value: [{ id: 's1', name: 'Acme NV', taxNumber: 'BE0403123486' }] }),
        } as unknown as InvoiceApi,
      }),
      credentials: { getValue: async () => ({ verification: { state: 'verified', at: 1 }, legalEntityId: 'le-1' }) },
      enqueue: async (ids, source) => {
        enqueued.push(...ids);
        await jobs.putMany(ids.map((documentId) => newJob({ documentId, legalEntityId: 'le-1', source, now: 2 })));
        return { queued: ids.length, alreadyInYokoy: 0 };
      },
    });
    const checked = await service.check(
      result.files.map((f) => ({ id: f.id, facts: f.facts })),
      true,
    );
    const loose = result.files.find((f) => f.facts.number === 'LOOSE-1')!;
    expect(checked.results.find((r) => r.id === loose.id)).toMatchObject({ verdict: 'sent-from-banqup' });
    const toSend = checked.results.filter((r) => r.verdict === 'new').map((r) => r.id);
    expect(toSend).toHaveLength(5);
    expect(await service.start(toSend)).toMatchObject({ queued: 5, missing: 0 });
    expect(enqueued).toEqual(toSend);

    // The same drop again: the records keep their legal entity; discarding it deletes nothing queued.
    await files.stage(result.files.map((f): ImportFile => ({ ...f, dropId: 'drop-2' })));
    await service.discard('drop-2', toSend);
    expect((await files.files(toSend)).every((f) => f?.legalEntityId === 'le-1')).toBe(true);
    const again = await service.check(
      result.files.map((f) => ({ id: f.id, facts: f.facts })),
      true,
    );
    expect(again.results.filter((r) => toSend.includes(r.id)).map((r) => r.verdict)).toEqual(toSend.map(() => 'in-queue'));

    // One job done: its file and bytes go; the others stay.
    const first = result.files.find((f) => f.id === toSend[0])!;
    const job = (await jobs.get(`le-1|${first.id}`))!;
    await jobs.put(
      transition(
        transition(transition(job, { type: 'start' }, 3), { type: 'upload-started' }, 4),
        { type: 'created', yokoyInvoiceId: 'y9' },
        5,
      ),
    );
    expect(await createFilePruner({ files, jobs, now: () => 10 }).prune()).toBe(1);
    expect(await files.file(first.id)).toBeUndefined();
    expect(await files.bytes(first.ublKey ?? first.pdfKey)).toBeUndefined();
    expect((await files.files(toSend.slice(1))).every(Boolean)).toBe(true);
  });
});
