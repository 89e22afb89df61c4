/**
 * `/__admin/…`: test controls that are not part of Yokoy's API. Never subject to faults and
 * never logged. Shapes:
 * - `GET /__admin/log` → `{entries: LogEntry[]}`; `DELETE /__admin/log` → 204.
 * - `POST /__admin/reset` → `{ok: true}` (Yokoy store re-seeded, faults off, log cleared).
 * - `GET /__admin/faults` → the FaultConfig in force (`{}` = none);
 *   `PUT /__admin/faults` with a FaultConfig replaces it (`{}` switches faults off) → the
 *   config; 400 `{error, details: string[]}` if invalid.
 * - `GET /__admin/stats` → `{inFlight, maxInFlight, maxUploadsInFlight, limited: {concurrency,
 *   rate}}`: `/v1` requests handled at once (most since the faults were last set) and the 429s
 *   the `concurrencyLimit`/`rateLimit` faults answered.
 * - `GET /__admin/invoices` → `{invoices: AdminInvoice[]}` (all organizations, creation order).
 * - `POST /__admin/invoices` seeds one, as if already in Yokoy: body `{organizationId?,
 *   legalEntityId?, ubl?, invoiceNumber?, supplierName?, supplierVatId?, currency?, date?,
 *   dueDate?, grossAmount?, netAmount?, customInformation?, pdfBase64?}` (with `ubl`, fields
 *   come from the document) → 201 AdminInvoice.
 * - `DELETE /__admin/invoices/{id}` → 204 (404 if unknown): what a person deleting an invoice in
 *   Yokoy's web app does (the API itself has no DELETE).
 */
import { parseUbl } from '../data/ubl';
import { json, readBody, send, type Ctx } from '../http';
import { createFaultState, parseFaultConfig } from './faults';
import { invoiceFromUbl } from './invoice-create';
import { effectiveStatus, invoiceTotals, round2 } from './invoice-json';
import { seed, type YokoyInvoice, type YokoyStore } from './store';

/** A one-page blank PDF, for seeded invoices that bring none. */
export const blankPdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

export function adminInvoice(invoice: YokoyInvoice) {
  return {
    id: invoice.id,
    order: invoice.order,
    organizationId: invoice.organizationId,
    legalEntityId: invoice.legalEntityId,
    source: invoice.source,
    invoiceNumber: invoice.invoiceNumber,
    supplierId: invoice.supplierId,
    supplierName: invoice.supplierName,
    currency: invoice.currency,
    date: invoice.date,
    dueDate: invoice.dueDate,
    ...invoiceTotals(invoice),
    isCreditNote: invoice.isCreditNote,
    status: effectiveStatus(invoice),
    customInformation: invoice.customInformation,
    lineItemCount: invoice.lineItems.length,
    pdfBytes: invoice.pdf?.length ?? 0,
    ublBytes: invoice.ubl?.length ?? 0,
    created: invoice.created,
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function seedInvoice(store: YokoyStore, body: Record<string, unknown>): { invoice: YokoyInvoice } | { error: string } {
  const organizationId = typeof body.organizationId === 'string' ? body.organizationId : seed.organizationId;
  const org = store.organizations.get(organizationId);
  if (!org) return { error: `unknown organization ${organizationId}` };
  const le = typeof body.legalEntityId === 'string' ? store.legalEntity(organizationId, body.legalEntityId) : org.legalEntities[0];
  if (!le) return { error: `unknown legal entity ${String(body.legalEntityId)}` };
  const customInformation = isObject(body.customInformation) ? body.customInformation : null;
  const pdf = typeof body.pdfBase64 === 'string' ? Buffer.from(body.pdfBase64, 'base64') : blankPdf;
  if (typeof body.ubl === 'string') {
    const parsed = parseUbl(body.ubl);
    if (!parsed.ok) return { error: `invalid UBL: ${parsed.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}` };
    return {
      invoice: invoiceFromUbl(store, organizationId, le, parsed.invoice, { pdf, ubl: Buffer.from(body.ubl) }, 'admin', customInformation),
    };
  }
  if (typeof body.invoiceNumber !== 'string') return { error: 'invoiceNumber (or ubl) is required' };
  const gross = typeof body.grossAmount === 'number' ? body.grossAmount : 121;
  const net = typeof body.netAmount === 'number' ? body.netAmount : round2(gross / 1.21);
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  const supplier = store.supplierFor(organizationId, le.id, {
    name: str(body.supplierName) ?? 'Seeded Supplier BV',
    vatId: str(body.supplierVatId) ?? undefined,
  });
  return {
    invoice: store.addInvoice({
      organizationId,
      legalEntityId: le.id,
      source: 'admin',
      invoiceNumber: body.invoiceNumber,
      country: le.country,
      currency: str(body.currency) ?? le.currency,
      date: str(body.date),
      dueDate: str(body.dueDate),
      supplierId: supplier.id,
      supplierName: supplier.name,
      isCreditNote: false,
      lineItems: [{ description: 'Seeded line', quantity: 1, itemPrice: net, unit: null, net, gross, customInformation: null }],
      customInformation,
      pdf,
      ubl: null,
    }),
  };
}

/** Handles an `/__admin` request; answers 404 for unknown admin paths. */
export async function handleAdmin(store: YokoyStore, { req, res, url }: Ctx): Promise<void> {
  const route = `${req.method ?? 'GET'} ${url.pathname.replace(/\/$/, '')}`;
  const readJson = async (): Promise<unknown> => {
    const raw = (await readBody(req)).toString('utf8');
    return raw.trim() === '' ? {} : JSON.parse(raw);
  };
  try {
    const deleting = /^DELETE \/__admin\/invoices\/([\w-]+)$/.exec(route);
    if (deleting) {
      const gone = store.invoices.delete(deleting[1]!);
      return gone ? send(res, 204, '', 'text/plain') : json(res, 404, { error: 'no such invoice' });
    }
    switch (route) {
      case 'GET /__admin/log':
        return json(res, 200, { entries: store.requestLog });
      case 'DELETE /__admin/log':
        store.requestLog.length = 0;
        return send(res, 204, '', 'text/plain');
      case 'POST /__admin/reset':
        store.reset();
        return json(res, 200, { ok: true });
      case 'GET /__admin/stats': {
        const f = store.faults;
        return json(res, 200, {
          inFlight: f.inFlight,
          maxInFlight: f.maxInFlight,
          maxUploadsInFlight: f.maxUploadsInFlight,
          limited: f.limited,
        });
      }
      case 'GET /__admin/faults':
        return json(res, 200, store.faults.config);
      case 'PUT /__admin/faults': {
        const parsed = parseFaultConfig(await readJson());
        if (!parsed.ok) return json(res, 400, { error: 'invalid fault configuration', details: parsed.errors });
        store.faults = createFaultState(parsed.config);
        return json(res, 200, store.faults.config);
      }
      case 'GET /__admin/invoices':
        return json(res, 200, { invoices: [...store.invoices.values()].sort((a, b) => a.order - b.order).map(adminInvoice) });
      case 'POST /__admin/invoices': {
        const body = await readJson();
        if (!isObject(body)) return json(res, 400, { error: 'body must be a JSON object' });
        const result = seedInvoice(store, body);
        if ('error' in result) return json(res, 400, { error: result.error });
        return json(res, 201, adminInvoice(result.invoice));
      }
      default:
        return json(res, 404, { error: `no admin route ${route}` });
    }
  } catch (error) {
    return json(res, 400, { error: error instanceof Error ? error.message : String(error) });
  }
}
