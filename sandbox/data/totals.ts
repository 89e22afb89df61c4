/**
 * Invoice arithmetic in integer cents: line nets → VAT breakdown per (category, percent)
 * → net, VAT, gross and payable. Keeps the seed's documents internally consistent.
 */
import type { ParsedUbl } from './ubl';

export const round2 = (n: number): number => Math.round((n + Number.EPSILON * Math.sign(n)) * 100) / 100;

export function computeTotals(lines: ParsedUbl['lines']): Pick<ParsedUbl, 'totals' | 'vatBreakdown'> {
  const groups = new Map<string, { category: string; percent: number; taxableCents: number }>();
  for (const line of lines) {
    const category = line.vatCategory ?? 'S';
    const percent = line.vatPercent ?? 0;
    const key = `${category}|${percent}`;
    const g = groups.get(key) ?? { category, percent, taxableCents: 0 };
    g.taxableCents += Math.round(line.net * 100);
    groups.set(key, g);
  }
  let netCents = 0;
  let vatCents = 0;
  const vatBreakdown = [...groups.values()].map((g) => {
    const taxCents = Math.round((g.taxableCents * g.percent) / 100);
    netCents += g.taxableCents;
    vatCents += taxCents;
    return { category: g.category, percent: g.percent, taxable: g.taxableCents / 100, tax: taxCents / 100 };
  });
  const gross = (netCents + vatCents) / 100;
  return { totals: { net: netCents / 100, vat: vatCents / 100, gross, payable: gross }, vatBreakdown };
}
