/**
 * The legal entity's Yokoy invoices, listed once and then refreshed by what changed: a SCIM
 * `lastModified ge …` listing returns new invoices and re-tagged ones (a PATCH moves
 * lastModified), so a second reconcile of 20,000 invoices costs a page or two, not 200.
 * The watermark is Yokoy's own `lastModified` (no clock skew), minus a margin for invoices
 * changed while the first listing was paging. Deletions are invisible to such a listing: the
 * reconcile checks the copies it reports one by one (`verify`).
 *
 * Issue 13 builds a persisted, incrementally refreshed invoice index for the export
 * (lib/export); when it lands this listing should become a view on that index.
 */
import type { YokoyInvoice } from '../export/yokoy-invoices';
import { scimString } from '../export/yokoy-invoices';
import { succeeded, type YokoyResult } from '../yokoy/errors';
import { yokoyFacts } from './facts';
import type { YokoyFacts } from './match';

export interface ListingApi {
  find(legalEntityId: string, filter: string | undefined, maxPages?: number, onPage?: (found: number) => void): Promise<YokoyResult<YokoyInvoice[]>>;
  get(legalEntityId: string, invoiceId: string): Promise<YokoyResult<YokoyInvoice | undefined>>;
}

interface Entry {
  invoices: Map<string, { invoice: YokoyInvoice; order: number }>;
  nextOrder: number;
  watermark?: string;
  listedAt: number;
}

/** A full listing again after this long (a safety net for anything the refresh cannot see). */
const FULL_AFTER_MS = 30 * 60_000;
const MARGIN_MS = 5 * 60_000;

export function createInvoiceListing(api: ListingApi, now: () => number) {
  const entries = new Map<string, Entry>();

  const facts = (entry: Entry): YokoyFacts[] => [...entry.invoices.values()].sort((a, b) => a.order - b.order).map(({ invoice, order }) => yokoyFacts(invoice, order));

  function merge(entry: Entry, invoices: YokoyInvoice[]) {
    for (const invoice of invoices) {
      const known = entry.invoices.get(invoice.id);
      entry.invoices.set(invoice.id, { invoice, order: known?.order ?? entry.nextOrder++ });
      if (invoice.lastModified && (!entry.watermark || invoice.lastModified > entry.watermark)) entry.watermark = invoice.lastModified;
    }
  }

  return {
    /** The invoices as Yokoy holds them now (full listing, or refresh of the kept one). */
    async current(legalEntityId: string, onProgress?: (read: number) => void): Promise<YokoyResult<YokoyFacts[]>> {
      const kept = entries.get(legalEntityId);
      if (kept && now() - kept.listedAt < FULL_AFTER_MS) {
        const since = kept.watermark ? new Date(Date.parse(kept.watermark) - MARGIN_MS).toISOString() : undefined;
        const changed = await api.find(legalEntityId, since ? `lastModified ge ${scimString(since)}` : undefined, undefined, (n) => onProgress?.(kept.invoices.size + n));
        if (!changed.ok) return changed;
        merge(kept, changed.value);
        return succeeded(facts(kept));
      }
      const listed = await api.find(legalEntityId, undefined, undefined, onProgress);
      if (!listed.ok) return listed;
      const entry: Entry = { invoices: new Map(), nextOrder: 0, listedAt: now() };
      merge(entry, listed.value);
      entries.set(legalEntityId, entry);
      return succeeded(facts(entry));
    },

    async cached(legalEntityId: string): Promise<YokoyFacts[] | undefined> {
      const entry = entries.get(legalEntityId);
      return entry ? facts(entry) : undefined;
    },

    /** Reads the given invoices again; returns whether any was gone or changed. */
    async verify(legalEntityId: string, ids: string[]): Promise<boolean> {
      const entry = entries.get(legalEntityId);
      if (!entry) return false;
      let changed = false;
      let next = 0;
      const worker = async () => {
        while (next < ids.length) {
          const id = ids[next++]!;
          const answer = await api.get(legalEntityId, id);
          if (!answer.ok) continue;
          if (!answer.value) changed = entry.invoices.delete(id) || changed;
          else if (answer.value.lastModified !== entry.invoices.get(id)?.invoice.lastModified) {
            merge(entry, [answer.value]);
            changed = true;
          }
        }
      };
      await Promise.all(Array.from({ length: 4 }, worker));
      return changed;
    },

    /** An invoice we changed ourselves (a tag we wrote). */
    patch(legalEntityId: string, invoice: YokoyInvoice): void {
      const entry = entries.get(legalEntityId);
      if (entry) merge(entry, [invoice]);
    },
  };
}
