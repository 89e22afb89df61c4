/**
 * Banqup's documented (BTX) API shapes, served by the look-alike for the extension's client
 * (see ../../../shared/reference/banqup-api.md; keys S1, S13, S14, S22 there):
 *   GET /entitystore/v1/spaces                                   [D] → {spaces: [{id, name, type, segment}]}
 *   GET /datastore/documents/transaction/v2/spaces/{spaceId}/documents             [I] list
 *   GET /datastore/documents/transaction/v2/spaces/{spaceId}/documents/{id}        [I] one v2 document
 *   GET …/documents/{id}/ubl, …/documents/{id}/pdf                                 [I] the files
 * A v2 document carries `documentId`, `spaceId`, `folder` (PURCHASES), `category` (INVOICE),
 * `status: {document, pay, delivery}`, `connections[]` and `metadata` (dueDate, supplier,
 * customer with legalName / globalIdentifiers / address) [D S14]; number, issue date, currency
 * and totals are not in the readable docs, so their names under `metadata` are ours [I].
 * The list's filters (folder, category, documentStatus, payStatus, supplier, issueDateFrom,
 * issueDateTo) and its paging (page from 1, size ≤ 100, totalElements) are ours too: nothing
 * documents them. Errors use the documented body {status, error, timestamp, title, detail,
 * type, instance} [D S22]. Access is through the user's session, like the look-alike's own
 * screens (how real Banqup's web app authenticates is not documented).
 *
 * Shares no code with the extension: the paths are written out here on purpose.
 */
import type { Ctx } from '../http';
import { json, type Router, send } from '../http';
import type { SandboxDocument } from '../data/seed';
import { currentUser } from './auth';
import type { BanqupStore, BanqupUser } from './store';
import { documentStatuses, payStatuses, statusOf } from './statuses';

export const BTX_MAX_PAGE_SIZE = 100;
const base = '/datastore/documents/transaction/v2/spaces/:spaceId/documents';

const round2 = (n: number) => Math.round(n * 100) / 100;

const errorCodes: Record<number, string> = { 400: 'BAD_REQUEST', 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' };
/** The documented error body (RFC 7807-like). */
export function btxError(ctx: Ctx, status: number, title: string, detail: string): void {
  json(ctx.res, status, {
    type: 'about:blank',
    status,
    error: errorCodes[status] ?? 'INTERNAL_SERVER_ERROR',
    title,
    detail,
    instance: ctx.url.pathname,
    timestamp: new Date().toISOString(),
  });
}

/** What a listing filters on, read straight from the document (the full answer is built for the page only). */
function btxFacts(doc: SandboxDocument) {
  return {
    folder: doc.folder,
    // INVOICE is documented; the credit-note value is not (ours).
    category: doc.kind === 'creditNote' ? 'CREDIT_NOTE' : 'INVOICE',
    status: statusOf(doc),
    supplierName: doc.meta.supplier.name,
    issueDate: doc.meta.issueDate,
  };
}

export function btxDocument(doc: SandboxDocument, spaceId: string) {
  const m = doc.meta;
  const facts = btxFacts(doc);
  const ids = (country: string | undefined, vatId: string | undefined) =>
    vatId ? { [`${(country ?? 'eu').toLowerCase()}:vat`]: vatId } : {};
  return {
    documentId: doc.documentId,
    spaceId,
    source: 'peppol',
    folder: facts.folder,
    category: facts.category,
    status: facts.status,
    connections: [{ displayName: m.supplier.name, relationType: 'SUPPLIER', id: `sup-${m.supplier.vatId ?? m.supplier.name}` }],
    metadata: {
      $schema: 'https://btx.unifiedpost.com/btx/datastore/document/document_metadata/v1/document-metadata-schema.json',
      dueDate: m.dueDate ?? null,
      supplier: {
        legalName: m.supplier.name,
        globalIdentifiers: ids(m.supplier.country, m.supplier.vatId),
        address: { country: m.supplier.country ?? null },
      },
      customer: { legalName: m.customer.name, globalIdentifiers: ids(m.customer.country, m.customer.vatId) },
      // Ours [I]: the readable docs stop before these names.
      documentNumber: m.invoiceNumber,
      issueDate: m.issueDate,
      currency: m.currency,
      totalAmount: round2(m.totals.payable),
    },
  };
}

export function addBtxRoutes(router: Router, store: BanqupStore): void {
  const guard = (h: (ctx: Ctx, user: BanqupUser) => void | Promise<void>) => (ctx: Ctx) => {
    const user = currentUser(store, ctx.req);
    if (!user) return btxError(ctx, 401, 'Unauthorized', 'No valid session or token.');
    return h(ctx, user);
  };
  const inSpace = (h: (ctx: Ctx, user: BanqupUser) => void | Promise<void>) =>
    guard((ctx, user) => {
      const spaceId = ctx.params.spaceId ?? '';
      if (!store.spaces.has(spaceId)) return btxError(ctx, 404, 'Not Found', `Space ${spaceId} does not exist.`);
      if (spaceId !== user.spaceId) return btxError(ctx, 403, 'Forbidden', 'The caller has no permission on this space.');
      return h(ctx, user);
    });
  const one = (ctx: Ctx) => store.document(ctx.params.spaceId!, ctx.params.documentId!);

  router.get(
    '/entitystore/v1/spaces',
    guard((ctx, user) => {
      const space = store.spaces.get(user.spaceId);
      json(ctx.res, 200, { spaces: space ? [{ id: space.spaceId, name: space.name, type: 'BUSINESS', segment: 'SME' }] : [] });
    }),
  );

  router.get(
    base,
    inSpace((ctx) => {
      const p = ctx.url.searchParams;
      const list = (name: string) =>
        (p.get(name) ?? '')
          .split(',')
          .map((s) => s.trim().toUpperCase())
          .filter(Boolean);
      const int = (name: string, fallback: number) => (p.get(name) ? (/^\d+$/.test(p.get(name)!) ? Number(p.get(name)) : NaN) : fallback);
      const page = int('page', 1);
      const size = int('size', 25);
      if (!Number.isInteger(page) || page < 1) return btxError(ctx, 400, 'Bad Request', 'page must be a whole number from 1.');
      if (!Number.isInteger(size) || size < 1 || size > BTX_MAX_PAGE_SIZE)
        return btxError(ctx, 400, 'Bad Request', `size must be 1–${BTX_MAX_PAGE_SIZE}.`);
      const documentStatus = list('documentStatus');
      const payStatus = list('payStatus');
      const unknown = [
        ...documentStatus.filter((s) => !(documentStatuses as readonly string[]).includes(s)),
        ...payStatus.filter((s) => !(payStatuses as readonly string[]).includes(s)),
      ];
      if (unknown.length) return btxError(ctx, 400, 'Bad Request', `Unknown status: ${unknown.join(', ')}.`);
      const from = p.get('issueDateFrom') ?? '';
      const to = p.get('issueDateTo') ?? '';
      for (const d of [from, to])
        if (d && !/^\d{4}-\d{2}-\d{2}$/.test(d)) return btxError(ctx, 400, 'Bad Request', 'Dates are YYYY-MM-DD.');
      const folder = (p.get('folder') ?? 'PURCHASES').toUpperCase();
      const categories = list('category');
      const supplier = (p.get('supplier') ?? '').trim().toLowerCase();
      const spaceId = ctx.params.spaceId!;
      // Filtered on the documents' facts; only the page asked for is built (a 10,000-document
      // backfill reads 100 pages, each of which built all 10,000 answers).
      const matching = store.documents.filter((doc) => {
        const d = btxFacts(doc);
        return (
          d.folder === folder &&
          (!categories.length || categories.includes(d.category)) &&
          (!documentStatus.length || documentStatus.includes(d.status.document)) &&
          (!payStatus.length || payStatus.includes(d.status.pay)) &&
          (!supplier || d.supplierName.toLowerCase().includes(supplier)) &&
          (!from || d.issueDate >= from) &&
          (!to || d.issueDate <= to)
        );
      });
      // Bank statements are documents of their own folder here (ours: not documented either).
      const statements =
        folder === 'BANK_STATEMENTS'
          ? store.bankStatements.map((s) => ({
              documentId: s.documentId,
              spaceId,
              folder: 'BANK_STATEMENTS',
              category: 'BANK_STATEMENT',
              metadata: { fileName: s.fileName, format: s.format, date: s.date },
            }))
          : [];
      const all = [...matching, ...statements];
      const start = (page - 1) * size;
      const documents = all.slice(start, start + size).map((d) => ('meta' in d ? btxDocument(d, spaceId) : d));
      json(ctx.res, 200, { documents, page, size, totalElements: all.length });
    }),
  );

  router.get(
    `${base}/:documentId`,
    inSpace((ctx) => {
      const doc = one(ctx);
      if (!doc) return btxError(ctx, 404, 'Not Found', 'No such document.');
      json(ctx.res, 200, btxDocument(doc, ctx.params.spaceId!));
    }),
  );

  router.get(
    `${base}/:documentId/ubl`,
    inSpace((ctx) => {
      const doc = one(ctx);
      if (!doc) return btxError(ctx, 404, 'Not Found', 'No such document.');
      if (!doc.ubl) return btxError(ctx, 404, 'Not Found', 'This document has no UBL file.');
      send(ctx.res, 200, doc.ubl, 'application/xml; charset=utf-8', {
        'content-disposition': `attachment; filename="${doc.fileName.replace(/\.[^.]*$/, '')}.xml"`,
      });
    }),
  );

  router.get(
    `${base}/:documentId/pdf`,
    inSpace((ctx) => {
      const doc = one(ctx);
      if (!doc) return btxError(ctx, 404, 'Not Found', 'No such document.');
      if (!doc.pdf.length) return btxError(ctx, 404, 'Not Found', 'This document has no PDF.');
      send(ctx.res, 200, doc.pdf, 'application/pdf', {
        'content-disposition': `inline; filename="${doc.fileName.replace(/\.[^.]*$/, '')}.pdf"`,
      });
    }),
  );
}
