/**
 * Which Yokoy invoice is which Banqup document, for a whole period at once? Pure, one-to-one,
 * no I/O. The fact rules are the export's (lib/export/dedupe.ts: bucketKey, sameSupplier,
 * sameAmount), so the export and the reconcile never disagree about one invoice; this module
 * adds what a batch needs: every document's verdict and every invoice's place.
 *
 * Identity first: a Yokoy invoice tagged with a Banqup document id (custom information
 * `banqupDocumentId`, written by the export) belongs to that document and to no other; an
 * invoice marked by the run audit as a twin (`banqupDuplicateOf`) is a copy of its document.
 * Only untagged invoices (sent by hand, or by Banqup's own connector) are matched by content,
 * with the facts Yokoy itself uses to flag duplicates: supplier, invoice number, invoice date,
 * gross total, currency, plus the document type (invoice or credit note).
 *
 * Content matching is one-to-one: documents and untagged invoices whose facts agree form a
 * group; a group pairs off only when every member agrees with every other one and the counts
 * are equal (identical documents each get their own invoice, which one does not matter); a
 * single document with several invoices is in Yokoy more than once; anything else is
 * ambiguous and said so, never guessed.
 */
import { bucketKey, sameAmount, sameSupplier, type DocumentFacts, type InvoiceFacts } from '../export/dedupe';

export const BANQUP_TAG = 'banqupDocumentId';
export const TWIN_TAG = 'banqupDuplicateOf';

/** A Banqup purchase document, reduced to what matching needs. */
export interface BanqupFacts {
  documentId: string;
  number?: string;
  supplier?: string;
  supplierVatId?: string;
  /** ISO day. */
  date?: string;
  gross?: number;
  currency?: string;
  creditNote: boolean;
}

/** A Yokoy invoice, reduced to what matching needs. `order` is its place in creation order. */
export interface YokoyFacts {
  id: string;
  order: number;
  number?: string;
  /** The supplier's name and VAT id (Yokoy names a supplier id; the index resolves it). */
  supplier?: string;
  supplierVatId?: string;
  date?: string;
  gross?: number;
  currency?: string;
  creditNote?: boolean;
  /** The Banqup document it is tagged with, if any. */
  tag?: string;
  /** The Banqup document the run audit marked it a twin of, if any. */
  twinOf?: string;
}

export type Verdict =
  | { kind: 'once'; how: 'tagged' | 'untagged'; invoiceId: string }
  | { kind: 'missing' }
  /** `keep` is the copy to keep (the tagged one, else the oldest); `copies` are the ones to delete. */
  | { kind: 'duplicate'; keep: string; copies: string[] }
  | { kind: 'ambiguous'; candidates: string[] };

export type UnmatchedReason =
  /** No Banqup document of the period has its facts (another source, or another period). */
  | 'no-document'
  /** Tagged with a Banqup document that is not in this period. */
  | 'tagged-elsewhere'
  /** Looks like a copy of one of several tagged documents with the same facts. */
  | 'possible-copy';

export interface MatchResult {
  /** One verdict per document, in the order given. */
  verdicts: Verdict[];
  unmatched: { invoiceId: string; reason: UnmatchedReason }[];
}

const asDocument = (d: BanqupFacts): DocumentFacts => ({
  documentId: d.documentId,
  invoiceNumber: d.number,
  issueDate: d.date,
  currency: d.currency,
  total: d.gross,
  supplierName: d.supplier,
  supplierVatId: d.supplierVatId,
  creditNote: d.creditNote,
});
const asInvoice = (f: BanqupFacts | YokoyFacts): InvoiceFacts => ({
  invoiceNumber: f.number,
  date: f.date,
  currency: f.currency,
  gross: f.gross,
  creditNote: f.creditNote,
  supplierName: f.supplier,
  supplierVatId: f.supplierVatId,
});

/** The export's bucket: number, date, currency, invoice or credit note. */
export const keyOf = (f: BanqupFacts | YokoyFacts) => bucketKey(asInvoice(f));

/** Every fact Yokoy uses to flag duplicates agrees (the export's rule, lib/export/dedupe.ts). */
export function factsAgree(doc: BanqupFacts, invoice: YokoyFacts): boolean {
  const key = keyOf(doc);
  return (
    key !== undefined && key === keyOf(invoice) && sameSupplier(asDocument(doc), asInvoice(invoice)) && sameAmount(doc.gross, invoice.gross)
  );
}

/** Two documents (or two invoices) no fact tells apart: interchangeable. */
function sameFacts(a: BanqupFacts | YokoyFacts, b: BanqupFacts | YokoyFacts): boolean {
  const key = keyOf(a);
  const asDoc: DocumentFacts = { documentId: '', invoiceNumber: a.number, supplierName: a.supplier, supplierVatId: a.supplierVatId };
  return key !== undefined && key === keyOf(b) && sameSupplier(asDoc, asInvoice(b)) && sameAmount(a.gross, b.gross);
}

export function matchDocuments(docs: readonly BanqupFacts[], invoices: readonly YokoyFacts[]): MatchResult {
  const docIndex = new Map<string, number>();
  docs.forEach((d, i) => docIndex.set(d.documentId.toLowerCase(), i));

  // Identity: tags and twin marks.
  const owned: YokoyFacts[][] = docs.map(() => []);
  const unmatched: MatchResult['unmatched'] = [];
  const free: YokoyFacts[] = [];
  for (const invoice of invoices) {
    const owner = invoice.tag ?? invoice.twinOf;
    if (owner !== undefined) {
      const i = docIndex.get(owner.toLowerCase());
      if (i === undefined) unmatched.push({ invoiceId: invoice.id, reason: 'tagged-elsewhere' });
      else owned[i]!.push(invoice);
    } else free.push(invoice);
  }
  const tagged = owned.map((list) => list.length > 0);

  // Content: group by the export's bucket (number, date, currency, type), then split each
  // group into connected components of "facts agree" (supplier, amount).
  const groups = new Map<string, { docs: number[]; invoices: YokoyFacts[] }>();
  const group = (key: string) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { docs: [], invoices: [] }));
    return g;
  };
  docs.forEach((d, i) => {
    const key = keyOf(d);
    if (key) group(key).docs.push(i);
  });
  for (const invoice of free) {
    const key = keyOf(invoice);
    if (key && groups.has(key)) group(key).invoices.push(invoice);
    else unmatched.push({ invoiceId: invoice.id, reason: 'no-document' });
  }

  const byFacts: YokoyFacts[][] = docs.map(() => []);
  const ambiguous = new Map<number, string[]>();
  for (const { docs: members, invoices: candidates } of groups.values()) {
    for (const part of components(
      members.map((i) => docs[i]!),
      candidates,
    )) {
      const docsHere = part.docs.map((d) => members[d]!);
      const invoicesHere = part.invoices.map((k) => candidates[k]!).sort((a, b) => a.order - b.order);
      if (!invoicesHere.length) continue;
      const untagged = docsHere.filter((i) => !tagged[i]);
      const withTag = docsHere.filter((i) => tagged[i]);
      if (!untagged.length) {
        // Untagged copies of a document the export already sent (and tagged).
        if (withTag.length === 1) byFacts[withTag[0]!]!.push(...invoicesHere);
        else for (const invoice of invoicesHere) unmatched.push({ invoiceId: invoice.id, reason: 'possible-copy' });
        continue;
      }
      const interchangeable = part.complete && everyPair(untagged.map((i) => docs[i]!)) && everyPair(invoicesHere);
      if (untagged.length === invoicesHere.length && interchangeable) {
        untagged.forEach((d, k) => byFacts[d]!.push(invoicesHere[k]!));
      } else if (untagged.length === 1 && !withTag.length && part.complete) {
        byFacts[untagged[0]!]!.push(...invoicesHere);
      } else {
        for (const d of untagged)
          ambiguous.set(
            d,
            invoicesHere.map((i) => i.id),
          );
      }
    }
  }

  const verdicts = docs.map((_, i): Verdict => {
    const candidates = ambiguous.get(i);
    if (candidates) return { kind: 'ambiguous', candidates };
    const mine = owned[i]!;
    // The tagged copy is the one to keep; twins and untagged look-alikes are the extra ones.
    const keepFirst = [
      ...mine.filter((v) => v.tag !== undefined).sort((a, b) => a.order - b.order),
      ...mine.filter((v) => v.tag === undefined),
      ...byFacts[i]!,
    ];
    if (!keepFirst.length) return { kind: 'missing' };
    if (keepFirst.length === 1) return { kind: 'once', how: tagged[i] ? 'tagged' : 'untagged', invoiceId: keepFirst[0]!.id };
    const [keep, ...copies] = keepFirst;
    return { kind: 'duplicate', keep: keep!.id, copies: copies.map((c) => c.id) };
  });
  return { verdicts, unmatched };
}

function everyPair<T extends BanqupFacts | YokoyFacts>(items: T[]): boolean {
  for (let a = 0; a < items.length; a++) for (let b = a + 1; b < items.length; b++) if (!sameFacts(items[a]!, items[b]!)) return false;
  return true;
}

/**
 * Connected components of the bipartite "facts agree" graph within one bucket (buckets are
 * small: a number shared on one day by a handful of documents). `complete` when every document agrees
 * with every invoice of its component.
 */
function components(docs: BanqupFacts[], invoices: YokoyFacts[]) {
  const parent = [...docs.map((_, i) => i), ...invoices.map((_, k) => docs.length + k)];
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
  for (let d = 0; d < docs.length; d++)
    for (let k = 0; k < invoices.length; k++) if (factsAgree(docs[d]!, invoices[k]!)) parent[find(d)] = find(docs.length + k);
  const parts = new Map<number, { docs: number[]; invoices: number[]; complete: boolean }>();
  const part = (root: number) => {
    let p = parts.get(root);
    if (!p) parts.set(root, (p = { docs: [], invoices: [], complete: true }));
    return p;
  };
  docs.forEach((_, d) => part(find(d)).docs.push(d));
  invoices.forEach((_, k) => part(find(docs.length + k)).invoices.push(k));
  for (const p of parts.values()) p.complete = p.docs.every((d) => p.invoices.every((k) => factsAgree(docs[d]!, invoices[k]!)));
  return [...parts.values()];
}
