/**
 * The reconcile's answer, as the view and the CSV read it: one row per Banqup document with
 * its verdict, the Yokoy invoices no document claimed, and counts per month of the period (the
 * chart and the table behind it read the same numbers). Pure.
 */
import type { BanqupFacts, MatchResult, UnmatchedReason, Verdict, YokoyFacts } from './match';

export type VerdictKind = Verdict['kind'];

export interface ReconcileRow extends BanqupFacts {
  verdict: Verdict;
}

export interface UnmatchedRow {
  invoiceId: string;
  reason: UnmatchedReason;
  number?: string;
  date?: string;
  gross?: number;
  currency?: string;
}

export interface MonthCounts {
  /** YYYY-MM */
  month: string;
  inBanqup: number;
  inYokoy: number;
  missing: number;
  duplicated: number;
  ambiguous: number;
}

export interface ReconcileReport {
  id: string;
  legalEntityId: string;
  from: string;
  to: string;
  createdAt: number;
  rows: ReconcileRow[];
  unmatched: UnmatchedRow[];
  months: MonthCounts[];
  totals: Omit<MonthCounts, 'month'> & { onceTagged: number; onceUntagged: number; unmatched: number };
  /** Links, with `{id}` where the invoice or document id goes (built by the worker). */
  yokoyInvoiceUrl?: string;
  banqupDocumentUrl?: string;
  /** Whether "send the missing" can go to this legal entity (it is the export's). */
  canSend: boolean;
}

/** Every month from `from` to `to` (ISO days), as YYYY-MM. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number) as [number, number];
  const last = to.slice(0, 7);
  for (let guard = 0; guard < 240; guard++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) break;
    m++;
    if (m > 12) (m = 1), y++;
  }
  return months;
}

const empty = (month: string): MonthCounts => ({ month, inBanqup: 0, inYokoy: 0, missing: 0, duplicated: 0, ambiguous: 0 });

export function buildReport(input: {
  id: string;
  legalEntityId: string;
  from: string;
  to: string;
  createdAt: number;
  docs: BanqupFacts[];
  invoices: Map<string, YokoyFacts>;
  result: MatchResult;
  canSend: boolean;
  yokoyInvoiceUrl?: string;
  banqupDocumentUrl?: string;
}): ReconcileReport {
  const { docs, result, from, to } = input;
  const rows = docs.map((doc, i) => ({ ...doc, verdict: result.verdicts[i]! }));
  const months = new Map(monthsOf(from, to).map((m) => [m, empty(m)]));
  const totals = { ...empty(''), onceTagged: 0, onceUntagged: 0, unmatched: 0 };
  for (const row of rows) {
    const month = row.date?.slice(0, 7) ?? from.slice(0, 7);
    let counts = months.get(month);
    if (!counts) months.set(month, (counts = empty(month)));
    for (const c of [counts, totals]) {
      c.inBanqup++;
      const kind = row.verdict.kind;
      if (kind === 'once' || kind === 'duplicate') c.inYokoy++;
      if (kind === 'missing') c.missing++;
      if (kind === 'duplicate') c.duplicated++;
      if (kind === 'ambiguous') c.ambiguous++;
    }
    if (row.verdict.kind === 'once') totals[row.verdict.how === 'tagged' ? 'onceTagged' : 'onceUntagged']++;
  }
  // Invoices no document claimed: only those dated in the period (or undated), the rest is
  // another period's business.
  const unmatched: UnmatchedRow[] = [];
  for (const u of result.unmatched) {
    const invoice = input.invoices.get(u.invoiceId);
    if (!invoice) continue;
    if (invoice.date && (invoice.date < from || invoice.date > to)) continue;
    unmatched.push({
      invoiceId: u.invoiceId,
      reason: u.reason,
      number: invoice.number,
      date: invoice.date,
      gross: invoice.gross,
      currency: invoice.currency,
    });
  }
  totals.unmatched = unmatched.length;
  const { month: _, ...rest } = totals;
  return {
    id: input.id,
    legalEntityId: input.legalEntityId,
    from,
    to,
    createdAt: input.createdAt,
    rows,
    unmatched,
    months: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)),
    totals: rest,
    yokoyInvoiceUrl: input.yokoyInvoiceUrl,
    banqupDocumentUrl: input.banqupDocumentUrl,
    canSend: input.canSend,
  };
}

export const linkTo = (template: string | undefined, id: string) =>
  template ? template.replace('{id}', encodeURIComponent(id)) : undefined;

/** The Yokoy invoices a verdict names (the ones to open). */
export function invoicesOf(verdict: Verdict): string[] {
  switch (verdict.kind) {
    case 'once':
      return [verdict.invoiceId];
    case 'duplicate':
      return [verdict.keep, ...verdict.copies];
    case 'ambiguous':
      return verdict.candidates;
    case 'missing':
      return [];
  }
}
