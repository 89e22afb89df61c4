/**
 * Banqup's API answers, parsed leniently (extra fields ignored, nullable optionals) and turned
 * into the flat summary the export uses. Documented shapes (shared/reference/banqup-api.md):
 * the spaces answer `{spaces: [{id, name, type}]}` (S1), a v2 document with `documentId`,
 * `folder`, `category`, `status: {document, pay, delivery}` and `metadata.supplier.legalName`
 * (S14), the error body `{status, error, title, detail}` (S22). The list's envelope and the
 * metadata names of number, date and money are ours (./unverified.ts).
 */
import * as z from 'zod/mini';
import { unverified } from './unverified';

const text = z.pipe(
  z.optional(z.nullable(z.string())),
  z.transform((v) => v ?? undefined),
);
const amount = z.pipe(
  z.optional(z.nullable(z.union([z.number(), z.string()]))),
  z.transform((v) => (v === undefined || v === null || v === '' ? undefined : Number(v))),
);

export const Space = z.object({ id: z.string(), name: text, type: text });
export const SpacesAnswer = z.object({ spaces: z.array(Space) });

const Party = z.optional(
  z.nullable(z.object({ legalName: text, tradeName: text, globalIdentifiers: z.optional(z.nullable(z.record(z.string(), z.unknown()))) })),
);

/** Banqup's three-part status (S14); values kept as strings: only some spellings are documented. */
export const DocumentStatus = z.object({ document: text, pay: text, delivery: text });

export const V2Document = z.object({
  documentId: z.string().check(z.regex(/^[0-9a-fA-F-]{36}$/)),
  spaceId: text,
  folder: text,
  category: text,
  status: z.optional(z.nullable(DocumentStatus)),
  metadata: z.optional(z.nullable(z.looseObject({ supplier: Party, dueDate: text }))),
});

/** What the export reads of a document, whatever Banqup calls it. */
export interface DocumentSummary {
  documentId: string;
  folder?: string;
  /** Banqup's category (INVOICE, …). */
  documentType?: string;
  documentStatus?: string;
  payStatus?: string;
  documentNumber?: string;
  supplierName?: string;
  supplierVatId?: string;
  issueDate?: string;
  currency?: string;
  totalAmount?: number;
  /** Unknown from the API (undefined): the client asks for the UBL and takes a 404 as none. */
  hasUbl?: boolean;
  hasPdf?: boolean;
}

const firstOf = (record: Record<string, unknown> | null | undefined, names: readonly string[]) => {
  for (const name of names) {
    const value = record?.[name];
    if (value !== undefined && value !== null && value !== '') return value;
  }
  return undefined;
};

export function summarize(doc: z.infer<typeof V2Document>): DocumentSummary {
  const meta = (doc.metadata ?? undefined) as Record<string, unknown> | undefined;
  const f = unverified.metadataFields;
  const asText = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
  const total = amount.safeParse(firstOf(meta, f.total));
  const vat = Object.entries(doc.metadata?.supplier?.globalIdentifiers ?? {}).find(([k]) => /:vat$/i.test(k))?.[1];
  return {
    documentId: doc.documentId,
    folder: doc.folder,
    documentType: doc.category,
    documentStatus: doc.status?.document,
    payStatus: doc.status?.pay,
    documentNumber: asText(firstOf(meta, f.number)),
    supplierName: doc.metadata?.supplier?.legalName ?? doc.metadata?.supplier?.tradeName,
    supplierVatId: asText(vat),
    issueDate: asText(firstOf(meta, f.issueDate)),
    currency: asText(firstOf(meta, f.currency)),
    totalAmount: total.success ? total.data : undefined,
  };
}

export const DocumentSummary = z.pipe(V2Document, z.transform(summarize));

export const DocumentsAnswer = z.pipe(
  z.object({
    documents: z.array(V2Document),
    totalElements: z.optional(z.number()),
    page: z.optional(z.number()),
    size: z.optional(z.number()),
  }),
  z.transform((a) => ({ documents: a.documents.map(summarize), total: a.totalElements, page: a.page, pageSize: a.size })),
);

/** The documented error body (S22); every field optional, an answer may carry fewer. */
export const BanqupErrorBody = z.object({ status: z.optional(z.number()), error: text, title: text, detail: text });
export type BanqupErrorBody = z.infer<typeof BanqupErrorBody>;
