/**
 * The import's messages, from the Import page only: judge a drop's files (ids and facts the
 * page read itself; the bytes are in IndexedDB already), send them, discard a preview.
 */
import * as z from 'zod/mini';
import { fileIdPattern } from '../ids/ids';
import { extensionPages, isoDay, type Policy } from '../messaging/fields';
import type { Verdict } from './check';
import type { Failure } from '../failures/failure';

const fileId = z.string().check(z.regex(fileIdPattern));
const factText = z.optional(z.string().check(z.maxLength(300)));
const ImportFacts = z.object({
  number: factText,
  issueDate: z.optional(isoDay),
  currency: z.optional(z.string().check(z.regex(/^[A-Z]{3}$/))),
  total: z.optional(z.number()),
  supplierName: factText,
  supplierVatId: factText,
  supplierEndpoint: factText,
  creditNote: z.optional(z.boolean()),
});
const ImportCheck = z.object({
  type: z.literal('import.check'),
  items: z.array(z.object({ id: fileId, facts: ImportFacts })).check(z.maxLength(1_000)),
  /** The first chunk of a drop: list Yokoy's invoices again rather than reuse a listing. */
  fresh: z.optional(z.boolean()),
});
const ImportStart = z.object({ type: z.literal('import.start'), ids: z.array(fileId).check(z.maxLength(1_000)) });
const ImportDiscard = z.object({
  type: z.literal('import.discard'),
  dropId: z.string().check(z.regex(/^drop-[a-z0-9-]{1,40}$/)),
  ids: z.array(fileId).check(z.maxLength(10_000)),
});

export const importRequests = [ImportCheck, ImportStart, ImportDiscard] as const;
export type ImportRequest = z.infer<(typeof importRequests)[number]>;

export const importPolicy: Policy<ImportRequest['type']> = {
  'import.check': extensionPages,
  'import.start': extensionPages,
  'import.discard': extensionPages,
};

export interface ImportAnswers {
  'import.check': { results: ({ id: string } & Verdict)[]; problem?: Failure };
  'import.start': { queued: number; alreadyInYokoy: number; missing: number; problem?: Failure };
  'import.discard': { discarded: true };
}
