/**
 * Reading and updating invoices under a legal entity: list (SCIM `filter`, `count`/`cursor`),
 * get, PATCH (custom information only), and the stored PDF (`/base64`, `/presentation`).
 * No DELETE: invoices cannot be deleted through Yokoy's API. An unknown legal entity or
 * invoice answers 404 `{code: 404, message: "Resource not found"}` everywhere, also where the
 * description lists no 404 (list, base64, presentation): that is the description's NotFound
 * shape, and the clearest answer for a client.
 */
import type { ApiCtx } from './context';
import { compileFilter } from './filter';
import { invoiceJson } from './invoice-json';
import { mergeCustomInformation, validateUpdateInvoice } from './invoice-validation';
import { paginate } from './paging';
import { apiError, ok, validationError, type Reply } from './reply';

export function listInvoices(ctx: ApiCtx): Reply {
  const org = ctx.params.org ?? '';
  const le = ctx.store.legalEntity(org, ctx.params.le ?? '');
  if (!le) return apiError(404);
  const filter = compileFilter(ctx.url.searchParams.get('filter'));
  if ('error' in filter) return apiError(400, filter.error);
  const quirks = ctx.store.faults.config.quirks;
  const all = ctx.store
    .listInvoices(org, le.id)
    .map((invoice) => ({ id: invoice.id, order: invoice.order, json: invoiceJson(invoice, quirks) }));
  const selected = filter.predicate ? all.filter((entry) => filter.predicate?.(entry.json)) : all;
  const page = paginate(selected, ctx.url.searchParams, (cursor) => {
    const at = ctx.store.getInvoice(org, le.id, cursor);
    return at?.order;
  });
  if ('reply' in page) return page.reply;
  return ok({
    invoices: page.items.map((entry) => entry.json),
    ...(page.itemsPerPage !== undefined ? { itemsPerPage: page.itemsPerPage } : {}),
    ...(page.nextCursor !== undefined ? { nextCursor: page.nextCursor } : {}),
  });
}

function findInvoice(ctx: ApiCtx) {
  return ctx.store.getInvoice(ctx.params.org ?? '', ctx.params.le ?? '', ctx.params.invoice ?? '');
}

export function getInvoice(ctx: ApiCtx): Reply {
  const invoice = findInvoice(ctx);
  return invoice ? ok(invoiceJson(invoice, ctx.store.faults.config.quirks)) : apiError(404);
}

export function updateInvoice(ctx: ApiCtx): Reply {
  const invoice = findInvoice(ctx);
  if (!invoice) return apiError(404);
  let body: unknown;
  try {
    body = JSON.parse(ctx.body.toString('utf8'));
  } catch {
    return validationError([{ field: 'body', message: 'The request body is not valid JSON' }]);
  }
  const result = validateUpdateInvoice(body, invoice.lineItems.length);
  if (!result.ok) return validationError(result.errors);
  invoice.customInformation = mergeCustomInformation(invoice.customInformation, result.value.customInformation);
  result.value.lineItems?.forEach((update, i) => {
    const line = invoice.lineItems[i];
    if (line) line.customInformation = mergeCustomInformation(line.customInformation, update);
  });
  invoice.lastModified = new Date().toISOString();
  return ok(invoiceJson(invoice, ctx.store.faults.config.quirks));
}

/** InvoiceBase64: `{invoiceId, pdfBase64}`. */
export function getInvoiceBase64(ctx: ApiCtx): Reply {
  const invoice = findInvoice(ctx);
  if (!invoice) return apiError(404);
  if (!invoice.pdf) return apiError(400, 'ValidationError: the invoice has no PDF file');
  return ok({ invoiceId: invoice.id, pdfBase64: invoice.pdf.toString('base64') });
}

export function getInvoicePresentation(ctx: ApiCtx): Reply {
  const invoice = findInvoice(ctx);
  if (!invoice) return apiError(404);
  if (!invoice.pdf) return apiError(400, 'ValidationError: the invoice has no PDF file');
  return { status: 200, raw: { data: invoice.pdf, contentType: 'application/pdf' } };
}
