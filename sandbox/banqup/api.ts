/**
 * Banqup's internal JSON API, which the look-alike's own screens call (and a browser
 * extension may call with the user's session cookie). Shapes follow Banqup's documented
 * API: spaces, documents by folder with paging, a document's UBL and PDF, bank statements.
 * Every route needs the session cookie (401 `{error:'unauthenticated'}` without).
 */
import type { Ctx } from '../http';
import { json, readBody, type Router, send } from '../http';
import type { SandboxDocument } from '../data/seed';
import { apiGuard, languageCookie } from './auth';
import { isLanguage } from './labels';
import type { BanqupStore, BanqupUser } from './store';
import { statusOf } from './statuses';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;

const round2 = (n: number) => Math.round(n * 100) / 100;

export function documentSummary(doc: SandboxDocument) {
  return {
    documentId: doc.documentId,
    folder: doc.folder,
    documentType: doc.kind === 'creditNote' ? ('CREDIT_NOTE' as const) : ('INVOICE' as const),
    // Banqup's document status (AWAITING_VALIDATION, …) and payment status (./statuses.ts).
    status: statusOf(doc).document,
    payStatus: statusOf(doc).pay,
    documentNumber: doc.meta.invoiceNumber,
    supplierName: doc.meta.supplier.name,
    supplierVatId: doc.meta.supplier.vatId ?? null,
    supplierCountry: doc.meta.supplier.country ?? null,
    issueDate: doc.meta.issueDate,
    dueDate: doc.meta.dueDate ?? null,
    currency: doc.meta.currency,
    totalAmount: round2(doc.meta.totals.payable),
    vatAmount: round2(doc.meta.totals.vat),
    receivedAt: doc.receivedAt,
    fileName: doc.fileName,
    hasUbl: typeof doc.ubl === 'string' && doc.ubl.length > 0,
    hasPdf: doc.pdf.length > 0,
  };
}

export function documentDetail(doc: SandboxDocument) {
  const m = doc.meta;
  return {
    ...documentSummary(doc),
    supplierVatId: m.supplier.vatId ?? null,
    customerName: m.customer.name,
    customerVatId: m.customer.vatId ?? null,
    netAmount: round2(m.totals.net),
    grossAmount: round2(m.totals.gross),
    buyerReference: m.buyerReference ?? null,
    orderReference: m.orderReference ?? null,
    vatBreakdown: m.vatBreakdown,
    lines: m.lines,
  };
}

interface ListQuery {
  folder: string;
  status: string;
  supplier: string;
  from: string;
  to: string;
  page: number;
  pageSize: number;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** Reads and checks the list filters; the error names the first bad parameter. */
export function parseListQuery(params: URLSearchParams): ListQuery | { error: string } {
  const int = (name: string, fallback: number) => {
    const raw = params.get(name);
    if (raw === null || raw === '') return fallback;
    return /^\d+$/.test(raw) ? Number(raw) : NaN;
  };
  const q: ListQuery = {
    folder: (params.get('folder') ?? 'PURCHASES').toUpperCase(),
    status: (params.get('status') ?? '').toUpperCase(),
    supplier: (params.get('supplier') ?? '').trim().toLowerCase(),
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    page: int('page', 1),
    pageSize: int('pageSize', DEFAULT_PAGE_SIZE),
  };
  if (!Number.isInteger(q.page) || q.page < 1) return { error: 'page' };
  if (!Number.isInteger(q.pageSize) || q.pageSize < 1 || q.pageSize > MAX_PAGE_SIZE) return { error: 'pageSize' };
  if (q.from && !isoDate.test(q.from)) return { error: 'from' };
  if (q.to && !isoDate.test(q.to)) return { error: 'to' };
  return q;
}

export function listDocuments(store: BanqupStore, q: ListQuery) {
  const matching = store.documents.filter(
    (d) =>
      d.folder === q.folder &&
      (!q.status || statusOf(d).document === q.status || statusOf(d).pay === q.status) &&
      (!q.supplier || d.meta.supplier.name.toLowerCase().includes(q.supplier)) &&
      (!q.from || d.meta.issueDate >= q.from) &&
      (!q.to || d.meta.issueDate <= q.to),
  );
  const start = (q.page - 1) * q.pageSize;
  return {
    documents: matching.slice(start, start + q.pageSize).map(documentSummary),
    page: q.page,
    pageSize: q.pageSize,
    total: matching.length,
  };
}

const notFound = (ctx: Ctx, what = 'document') => json(ctx.res, 404, { error: 'not_found', message: `No such ${what}` });

export function addApiRoutes(router: Router, store: BanqupStore): void {
  const guard = (h: (ctx: Ctx, user: BanqupUser) => void | Promise<void>) => apiGuard(store, h);
  /** The space must be the user's own (403 for another existing one, 404 for none). */
  const inSpace = (h: (ctx: Ctx, user: BanqupUser) => void | Promise<void>) =>
    guard((ctx, user) => {
      const spaceId = ctx.params.spaceId ?? '';
      if (!store.spaces.has(spaceId)) return notFound(ctx, 'space');
      if (spaceId !== user.spaceId) return json(ctx.res, 403, { error: 'forbidden' });
      return h(ctx, user);
    });

  router.get(
    '/api/v1/me',
    guard(({ res }, user) => {
      const space = store.spaces.get(user.spaceId);
      json(res, 200, {
        userId: user.userId,
        email: user.email,
        firstName: user.firstName,
        lastName: user.lastName,
        language: user.language,
        spaceId: user.spaceId,
        spaceName: space?.name ?? null,
      });
    }),
  );

  router.patch(
    '/api/v1/me',
    guard(async ({ req, res }, user) => {
      let body: unknown;
      try {
        body = JSON.parse((await readBody(req, 64 * 1024)).toString('utf8'));
      } catch {
        return json(res, 400, { error: 'invalid_json' });
      }
      const language = (body as { language?: unknown } | null)?.language;
      if (!isLanguage(language)) return json(res, 400, { error: 'invalid_body', fields: { language: 'invalid' } });
      user.language = language;
      // Also remembered for the signed-out pages (login) on this browser.
      json(res, 200, { language }, { 'set-cookie': `${languageCookie}=${language}; Path=/; SameSite=Lax` });
    }),
  );

  router.get(
    '/api/v1/spaces',
    guard(({ res }, user) => {
      const space = store.spaces.get(user.spaceId);
      json(res, 200, { spaces: space ? [{ spaceId: space.spaceId, name: space.name, vatId: space.vatId, country: space.country }] : [] });
    }),
  );

  router.get(
    '/api/v1/spaces/:spaceId/documents',
    inSpace(({ res, url }) => {
      const q = parseListQuery(url.searchParams);
      if ('error' in q) return json(res, 400, { error: 'invalid_parameter', parameter: q.error });
      json(res, 200, listDocuments(store, q));
    }),
  );

  router.get(
    '/api/v1/spaces/:spaceId/documents/:documentId',
    inSpace((ctx) => {
      const doc = store.document(ctx.params.spaceId!, ctx.params.documentId!);
      if (!doc) return notFound(ctx);
      json(ctx.res, 200, documentDetail(doc));
    }),
  );

  router.get(
    '/api/v1/spaces/:spaceId/documents/:documentId/ubl',
    inSpace((ctx) => {
      const doc = store.document(ctx.params.spaceId!, ctx.params.documentId!);
      if (!doc) return notFound(ctx);
      if (!doc.ubl) return json(ctx.res, 404, { error: 'not_found', message: 'This document has no UBL' });
      const name = doc.fileName.replace(/\.[^.]*$/, '') + '.xml';
      send(ctx.res, 200, doc.ubl, 'application/xml; charset=utf-8', { 'content-disposition': `attachment; filename="${name}"` });
    }),
  );

  router.get(
    '/api/v1/spaces/:spaceId/documents/:documentId/pdf',
    inSpace((ctx) => {
      const doc = store.document(ctx.params.spaceId!, ctx.params.documentId!);
      if (!doc) return notFound(ctx);
      if (!doc.pdf.length) return json(ctx.res, 404, { error: 'not_found', message: 'This document has no PDF' });
      const name = doc.fileName.replace(/\.[^.]*$/, '') + '.pdf';
      const disposition = ctx.url.searchParams.get('download') === '1' ? 'attachment' : 'inline';
      send(ctx.res, 200, doc.pdf, 'application/pdf', { 'content-disposition': `${disposition}; filename="${name}"` });
    }),
  );

  router.get(
    '/api/v1/spaces/:spaceId/bank-statements',
    inSpace(({ res }) => {
      json(res, 200, {
        bankStatements: store.bankStatements.map((s) => ({
          documentId: s.documentId,
          format: s.format,
          fileName: s.fileName,
          iban: s.iban,
          date: s.date,
          size: Buffer.byteLength(s.content),
        })),
      });
    }),
  );

  router.get(
    '/api/v1/spaces/:spaceId/bank-statements/:documentId/content',
    inSpace((ctx) => {
      const s = store.bankStatements.find((b) => b.documentId === ctx.params.documentId);
      if (!s) return notFound(ctx, 'bank statement');
      const type = s.format === 'CODA' ? 'text/plain; charset=utf-8' : 'application/xml; charset=utf-8';
      send(ctx.res, 200, s.content, type, { 'content-disposition': `attachment; filename="${s.fileName}"` });
    }),
  );
}
