/**
 * The invoice calls an export needs, on top of the one Yokoy client: create from Peppol UBL
 * + PDF (`…/invoices/einvoice`), from a PDF alone (`…/invoices/upload`), tag with the Banqup
 * document id (`PATCH` custom information), and look invoices up (SCIM filter, cursor paging).
 */
import * as z from 'zod/mini';
import type { YokoyClient } from '../yokoy-api/client';
import { multipart, type Part } from './multipart';
import { failed, succeeded } from '../failures/result';
import type { YokoyResult } from '../yokoy-api/errors';

/** The custom-information key that ties a Yokoy invoice to its Banqup document. */
export const BANQUP_KEY = 'banqupDocumentId';

const yokoyId = z.string().check(z.regex(/^[\w-]+$/));
const optionalText = z.optional(z.nullable(z.string()));

/** Only the fields an export reads; the live API's other fields pass by. */
export const YokoyInvoice = z.object({
  id: yokoyId,
  invoiceNumber: optionalText,
  date: optionalText,
  currency: optionalText,
  grossAmount: z.optional(z.nullable(z.union([z.number(), z.string()]))),
  customInformation: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
  supplierId: optionalText,
  isCreditNote: z.optional(z.nullable(z.boolean())),
  created: optionalText,
  lastModified: optionalText,
});
export type YokoyInvoice = z.infer<typeof YokoyInvoice>;

// The description's schema says one Invoice; its example (and the live API) answer an array.
const CreatedAnswer = z.union([YokoyInvoice, z.array(YokoyInvoice).check(z.minLength(1))]);
/** A legal entity's supplier: only what tells suppliers apart (Supplier = OrganizationSupplier + LegalEntitySupplier). */
export const YokoySupplier = z.object({ id: yokoyId, supplierId: optionalText, name: optionalText, taxNumber: optionalText });
export type YokoySupplier = z.infer<typeof YokoySupplier>;
const SuppliersAnswer = z.object({ suppliers: z.array(YokoySupplier) });

const ListAnswer = z.object({ invoices: z.array(YokoyInvoice), nextCursor: z.optional(z.nullable(z.string())) });

// Checked before `atob`, which throws on anything that is not base64.
const Base64Answer = z.object({ pdfBase64: z.string().check(z.regex(/^[A-Za-z0-9+/\s]*={0,2}\s*$/)) });

const invoicesPath = (legalEntityId: string) => `/legal-entities/${encodeURIComponent(legalEntityId)}/invoices`;

const bytesOf = async (pdf: Blob | Uint8Array) => (pdf instanceof Uint8Array ? pdf : new Uint8Array(await pdf.arrayBuffer()));

/** SCIM string literal: quotes and backslashes escaped. */
export const scimString = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

export function createInvoiceApi(client: YokoyClient) {
  async function create(legalEntityId: string, path: string, parts: Part[]): Promise<YokoyResult<YokoyInvoice>> {
    const answer = await client.request({
      method: 'POST',
      path: `${invoicesPath(legalEntityId)}${path}`,
      raw: multipart(parts),
      schema: CreatedAnswer,
    });
    if (!answer.ok) return answer;
    const body = answer.value.body;
    return succeeded(Array.isArray(body) ? body[0]! : body);
  }

  return {
    /** `pdf` as bytes or a Blob: the runner reads it before it waits for an upload slot (see runner.ts). */
    async createFromUbl(legalEntityId: string, ubl: string | Uint8Array, pdf: Blob | Uint8Array, fileName: string) {
      return create(legalEntityId, '/einvoice', [
        { name: 'standard', value: 'peppolBis' },
        { name: 'invoiceData', value: ubl },
        { name: 'pdf', value: await bytesOf(pdf), fileName: `${fileName}.pdf`, contentType: 'application/pdf' },
      ]);
    },

    async createFromPdf(legalEntityId: string, pdf: Blob | Uint8Array, fileName: string) {
      return create(legalEntityId, '/upload', [
        { name: 'file', value: await bytesOf(pdf), fileName: `${fileName}.pdf`, contentType: 'application/pdf' },
      ]);
    },

    /** Writes custom information (merged by Yokoy with what is there). */
    async tag(legalEntityId: string, invoiceId: string, documentId: string, key: string = BANQUP_KEY): Promise<YokoyResult<void>> {
      const answer = await client.request({
        method: 'PATCH',
        path: `${invoicesPath(legalEntityId)}/${encodeURIComponent(invoiceId)}`,
        json: { customInformation: { [key]: documentId } },
        // Uploads first: a tag can wait a moment for a connection (see RequestOptions.priority).
        priority: 'low',
      });
      return answer.ok ? succeeded(undefined) : answer;
    },

    async get(legalEntityId: string, invoiceId: string): Promise<YokoyResult<YokoyInvoice>> {
      const answer = await client.request({
        path: `${invoicesPath(legalEntityId)}/${encodeURIComponent(invoiceId)}`,
        schema: YokoyInvoice,
      });
      return answer.ok ? succeeded(answer.value.body) : answer;
    },

    /** The legal entity's suppliers (an invoice names only its `supplierId`). */
    async suppliers(legalEntityId: string): Promise<YokoyResult<YokoySupplier[]>> {
      const answer = await client.request({
        path: `/legal-entities/${encodeURIComponent(legalEntityId)}/suppliers`,
        schema: SuppliersAnswer,
      });
      return answer.ok ? succeeded(answer.value.body.suppliers) : answer;
    },

    /** The invoice's PDF (to recognise a PDF-only upload, which has no number to look up). */
    async pdf(legalEntityId: string, invoiceId: string): Promise<YokoyResult<Uint8Array>> {
      const answer = await client.request({
        path: `${invoicesPath(legalEntityId)}/${encodeURIComponent(invoiceId)}/base64`,
        schema: Base64Answer,
      });
      if (!answer.ok) return answer;
      try {
        return succeeded(Uint8Array.from(atob(answer.value.body.pdfBase64.replace(/\s+/g, '')), (c) => c.charCodeAt(0)));
      } catch {
        return failed({ kind: 'malformed-answer', status: answer.value.status });
      }
    },

    /** All invoices matching a SCIM filter (every page; stops when `nextCursor` is absent). */
    async find(
      legalEntityId: string,
      filter: string | undefined,
      maxPages = 1_000,
      onPage?: (found: number) => void,
    ): Promise<YokoyResult<YokoyInvoice[]>> {
      const found: YokoyInvoice[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < maxPages; page++) {
        const answer = await client.request({
          path: invoicesPath(legalEntityId),
          query: { filter, count: 100, cursor },
          schema: ListAnswer,
        });
        if (!answer.ok) return answer;
        found.push(...answer.value.body.invoices);
        onPage?.(found.length);
        cursor = answer.value.body.nextCursor ?? undefined;
        if (!cursor) return succeeded(found);
      }
      return failed({ kind: 'malformed-answer', detail: 'Too many pages of invoices.' });
    },
  };
}

export type InvoiceApi = ReturnType<typeof createInvoiceApi>;
