/**
 * The worker's reconcile over fakes of Banqup's listing, the export's index and Yokoy's
 * invoice calls: the report's verdicts, "tag the untagged" never overwriting a tag written
 * meanwhile, "send the missing" queueing exactly the missing (and only to the export's legal
 * entity), and a copy deleted in Yokoy gone from the next reconcile.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../lib/banqup-api/schemas';
import type { InvoiceFacts } from '../../lib/export/dedupe';
import { indexedInvoice, type IndexedInvoice } from '../../lib/export/yokoy-index';
import type { YokoyInvoice } from '../../lib/export/yokoy-invoices';
import { createReconcileService, type IndexView } from '../../lib/reconcile/service';
import { failed, succeeded } from '../../lib/failures/result';

const LE = 'le-1';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const doc = (n: number): DocumentSummary => ({
  documentId: id(n),
  folder: 'PURCHASES',
  documentStatus: 'FULLY_APPROVED',
  supplierVatId: undefined,
  documentType: 'INVOICE',
  documentNumber: `INV-${n}`,
  supplierName: 'Acme',
  issueDate: '2026-08-10',
  currency: 'EUR',
  totalAmount: 100 + n,
});
const invoice = (yid: string, n: number, tag?: string, created = `2026-08-1${n % 10}T00:00:00Z`): YokoyInvoice => ({
  id: yid,
  invoiceNumber: `INV-${n}`,
  date: '2026-08-10',
  currency: 'EUR',
  grossAmount: 100 + n,
  isCreditNote: false,
  supplierId: 'sup-1',
  customInformation: tag ? { banqupDocumentId: tag } : null,
  created,
  lastModified: created,
});

function world(docs: DocumentSummary[], invoices: YokoyInvoice[], exportEntity = LE) {
  const yokoy = new Map(invoices.map((i) => [i.id, structuredClone(i)]));
  // The index as the export keeps it: it learns of new and changed invoices, never of a deletion.
  const listed = new Map(invoices.map((i) => [i.id, structuredClone(i)]));
  const enqueued: string[][] = [];
  const patches: { invoiceId: string; documentId: string }[] = [];
  const index = (): IndexView => {
    const all = () => [...listed.values()].map((i) => indexedInvoice(LE, i));
    return {
      all,
      size: () => yokoy.size,
      get: (invoiceId) => all().find((i) => i.id === invoiceId),
      factsOf: (i: IndexedInvoice): InvoiceFacts => ({ ...i, supplierName: 'Acme' }),
      record: () => undefined,
      noteTag: () => undefined,
    };
  };
  const service = createReconcileService({
    banqup: {
      listDocuments: async (_f, page, size = 100) => ({
        ok: true,
        value: { documents: docs.slice((page - 1) * size, page * size), total: docs.length, page, pageSize: size },
      }),
    },
    invoices: {
      get: async (_le, invoiceId) => {
        const found = yokoy.get(invoiceId);
        return found ? succeeded(structuredClone(found)) : failed({ kind: 'not-found', status: 404 });
      },
      tag: async (_le, invoiceId, documentId) => {
        patches.push({ invoiceId, documentId });
        for (const map of [yokoy, listed]) {
          const found = map.get(invoiceId)!;
          found.customInformation = { ...found.customInformation, banqupDocumentId: documentId };
        }
        return succeeded(undefined);
      },
    },
    index: { markStale: () => undefined, entity: async () => succeeded(index()) },
    enqueue: async (ids) => (enqueued.push(ids), { queued: ids.length, alreadyInYokoy: 0 }),
    exportLegalEntity: async () => exportEntity,
    links: async () => ({}),
    now: () => Date.now(),
    pageSize: 2,
  });
  const reconcile = async () => {
    expect(service.start({ from: '2026-08-01', to: '2026-08-31', legalEntityId: LE }).started).toBe(true);
    await service.settled();
    const report = service.report();
    expect(report, JSON.stringify(service.progress())).toBeDefined();
    return report!;
  };
  return { service, yokoy, listed, enqueued, patches, reconcile };
}

const verdicts = (report: { rows: { documentId: string; verdict: { kind: string; how?: string } }[] }) =>
  Object.fromEntries(report.rows.map((r) => [r.documentId, r.verdict.kind === 'once' ? `once-${r.verdict.how}` : r.verdict.kind]));

describe('reconcile service', () => {
  it('reads every Banqup page and gives each document its verdict', async () => {
    const w = world(
      [doc(1), doc(2), doc(3), doc(4), doc(5)],
      [invoice('y1', 1, id(1)), invoice('y2', 2), invoice('y4a', 4), invoice('y4b', 4)],
    );
    const report = await w.reconcile();
    expect(verdicts(report)).toEqual({
      [id(1)]: 'once-tagged',
      [id(2)]: 'once-untagged',
      [id(3)]: 'missing',
      [id(4)]: 'duplicate',
      [id(5)]: 'missing',
    });
    expect(w.service.progress()).toMatchObject({ phase: 'done', banqupRead: 5, banqupTotal: 5 });
  });

  it('queues exactly the missing, and only to the export’s legal entity', async () => {
    const w = world([doc(1), doc(2), doc(3)], [invoice('y1', 1, id(1))]);
    const report = await w.reconcile();
    expect(await w.service.sendMissing(report.id)).toEqual({ queued: 2, alreadyInYokoy: 0 });
    expect(w.enqueued.flat().sort()).toEqual([id(2), id(3)]);

    const other = world([doc(1)], [], 'le-other');
    const elsewhere = await other.reconcile();
    expect(await other.service.sendMissing(elsewhere.id)).toMatchObject({
      queued: 0,
      problem: { source: 'companion', kind: 'other-legal-entity' },
    });
    expect(other.enqueued).toEqual([]);
  });

  it('tags the untagged matches, but never an invoice tagged meanwhile', async () => {
    const w = world([doc(1), doc(2)], [invoice('y1', 1), invoice('y2', 2)]);
    const report = await w.reconcile();
    // Between the report and the click, the export tagged y2 for another document (in Yokoy;
    // the index has not seen it yet).
    w.yokoy.get('y2')!.customInformation = { banqupDocumentId: id(9) };
    expect(await w.service.tagUntagged(report.id)).toEqual({ tagged: 1, skipped: 1, failed: 0 });
    expect(w.patches).toEqual([{ invoiceId: 'y1', documentId: id(1) }]);
    expect(w.yokoy.get('y2')!.customInformation).toEqual({ banqupDocumentId: id(9) });
  });

  it('a copy deleted in Yokoy, as the report asked, is gone from the next reconcile', async () => {
    const w = world(
      [doc(4)],
      [invoice('keep', 4, undefined, '2026-08-11T00:00:00Z'), invoice('copy', 4, undefined, '2026-08-12T00:00:00Z')],
    );
    const first = await w.reconcile();
    expect(first.rows[0]!.verdict).toEqual({ kind: 'duplicate', keep: 'keep', copies: ['copy'] });
    w.yokoy.delete('copy');
    // The index still holds it (a listing cannot see a deletion): the reconcile reads it again.
    expect([...w.listed.keys()]).toEqual(['keep', 'copy']);
    const second = await w.reconcile();
    expect(second.rows[0]!.verdict).toEqual({ kind: 'once', how: 'untagged', invoiceId: 'keep' });
  });
});
