/** Banqup's internal API answers, parsed leniently (extra fields ignored, nullable optionals). */
import * as z from 'zod/mini';

const text = z.pipe(z.optional(z.nullable(z.string())), z.transform((v) => v ?? undefined));
const amount = z.pipe(z.optional(z.nullable(z.union([z.number(), z.string()]))), z.transform((v) => (v === undefined || v === null || v === '' ? undefined : Number(v))));

export const Space = z.object({ spaceId: z.string(), name: text });
export const SpacesAnswer = z.object({ spaces: z.array(Space) });

export const DocumentSummary = z.object({
  documentId: z.string().check(z.regex(/^[0-9a-fA-F-]{36}$/)),
  folder: text,
  documentType: text,
  status: text,
  documentNumber: text,
  supplierName: text,
  supplierVatId: text,
  issueDate: text,
  currency: text,
  totalAmount: amount,
  hasUbl: z.optional(z.boolean()),
  hasPdf: z.optional(z.boolean()),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

export const DocumentsAnswer = z.object({
  documents: z.array(DocumentSummary),
  total: z.optional(z.number()),
  page: z.optional(z.number()),
  pageSize: z.optional(z.number()),
});

export const BankStatementsAnswer = z.object({ bankStatements: z.array(z.object({ documentId: z.string() })) });
