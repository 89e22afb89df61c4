/**
 * The invoice preview PDF: renders a ParsedUbl (number, dates, parties, lines, VAT breakdown,
 * totals) onto A4 pages with the tiny writer in pdf-writer.ts. Used for the one seeded UBL
 * without an embedded PDF, for embedded previews, and for imported files without one.
 */
import { buildPdf, PdfPage } from './pdf-writer';
import type { ParsedUbl, UblParty } from './ubl';

export { isPdf } from './ubl';

const M = 50; // page margin
const RIGHT = 595.28 - M;
const ROW = 15;
const BOTTOM = 70; // lowest baseline before the footer

/** 1234.5 → '1,234.50' (fixed format: previews must not depend on the machine's locale). */
export function formatAmount(n: number): string {
  const [int, dec] = Math.abs(n).toFixed(2).split('.') as [string, string];
  return `${n < 0 ? '-' : ''}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${dec}`;
}

const formatQty = (n: number): string => String(Number(n.toFixed(4)));

function partyLines(p: UblParty): string[] {
  const out: string[] = [];
  if (p.country) out.push(`Country: ${p.country}`);
  if (p.vatId) out.push(`VAT: ${p.vatId}`);
  if (p.endpointId) out.push(`Peppol ID: ${p.endpointScheme ? `${p.endpointScheme}:` : ''}${p.endpointId}`);
  return out;
}

/** Simple hash of the invoice identity, so padding bytes are deterministic per document. */
function seedOf(inv: ParsedUbl): number {
  let h = 2166136261;
  for (const ch of `${inv.supplier.name}|${inv.invoiceNumber}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
}

// Table columns of the line items.
const COL = { id: M, desc: M + 24, qty: 380, unit: 420, vat: 470, net: RIGHT };

export function renderInvoicePdf(inv: ParsedUbl, opts: { padToBytes?: number } = {}): Buffer {
  const isCredit = inv.kind === 'creditNote';
  const pages: PdfPage[] = [];
  let page = new PdfPage();
  pages.push(page);
  let y = 0;

  const tableHeader = (): void => {
    page.rect(M - 4, y - 5, RIGHT - M + 8, ROW + 2, 0.9);
    page.text(COL.id, y, '#', { size: 9, font: 'F2' });
    page.text(COL.desc, y, 'Description', { size: 9, font: 'F2' });
    page.text(COL.qty, y, 'Qty', { size: 9, font: 'F2', align: 'right' });
    page.text(COL.unit, y, 'Unit', { size: 9, font: 'F2' });
    page.text(COL.vat, y, 'VAT', { size: 9, font: 'F2' });
    page.text(COL.net, y, `Net (${inv.currency})`, { size: 9, font: 'F2', align: 'right' });
    y -= ROW + 4;
  };
  const newPage = (withTableHeader: boolean): void => {
    page = new PdfPage();
    pages.push(page);
    y = 800;
    page.text(M, y, `${isCredit ? 'Credit note' : 'Invoice'} ${inv.invoiceNumber} (continued)`, { size: 10, font: 'F2' });
    y -= 30;
    if (withTableHeader) tableHeader();
  };

  // Title and parties.
  page.text(M, 790, isCredit ? 'CREDIT NOTE' : 'INVOICE', { size: 22, font: 'F2' });
  page.text(RIGHT, 795, inv.invoiceNumber, { size: 12, font: 'F2', align: 'right', maxWidth: 250 });
  page.line(M, 775, RIGHT, 775, 1);

  page.text(M, 755, 'From', { size: 8, gray: 0.4 });
  page.text(M, 741, inv.supplier.name, { size: 11, font: 'F2', maxWidth: 240 });
  partyLines(inv.supplier).forEach((l, i) => page.text(M, 727 - i * 12, l, { size: 9, maxWidth: 240 }));
  const cx = 320;
  page.text(cx, 755, 'Bill to', { size: 8, gray: 0.4 });
  page.text(cx, 741, inv.customer.name || '-', { size: 11, font: 'F2', maxWidth: RIGHT - cx });
  partyLines(inv.customer).forEach((l, i) => page.text(cx, 727 - i * 12, l, { size: 9, maxWidth: RIGHT - cx }));

  // Document facts.
  const facts: [string, string][] = [
    [isCredit ? 'Credit note number' : 'Invoice number', inv.invoiceNumber],
    ['Issue date', inv.issueDate],
  ];
  if (inv.dueDate) facts.push(['Due date', inv.dueDate]);
  facts.push(['Currency', inv.currency]);
  if (inv.buyerReference) facts.push(['Buyer reference', inv.buyerReference]);
  if (inv.orderReference) facts.push(['Order reference', inv.orderReference]);
  y = 670;
  facts.forEach(([label, value], i) => {
    const x = i % 2 === 0 ? M : cx;
    page.text(x, y, label, { size: 8, gray: 0.4 });
    page.text(x, y - 12, value, { size: 10, maxWidth: 230 });
    if (i % 2 === 1) y -= 32;
  });
  if (facts.length % 2 === 1) y -= 32;
  y -= 10;

  // Lines.
  tableHeader();
  for (const line of inv.lines) {
    if (y < BOTTOM + ROW) newPage(true);
    page.text(COL.id, y, line.id, { size: 9, maxWidth: 22 });
    page.text(COL.desc, y, line.description, { size: 9, maxWidth: COL.qty - COL.desc - 40 });
    page.text(COL.qty, y, formatQty(line.quantity), { size: 9, align: 'right' });
    page.text(COL.unit, y, line.unitCode ?? '', { size: 9 });
    const vat = line.vatCategory ? `${line.vatCategory}${line.vatPercent !== undefined ? ` ${formatQty(line.vatPercent)}%` : ''}` : '';
    page.text(COL.vat, y, vat, { size: 9 });
    page.text(COL.net, y, formatAmount(line.net), { size: 9, align: 'right' });
    y -= ROW;
  }
  page.line(M, y + ROW - 5, RIGHT, y + ROW - 5);
  y -= 15;

  // VAT breakdown and totals stay together on one page.
  const blockHeight = (inv.vatBreakdown.length + 2) * ROW + 5 * ROW + 20;
  if (y - blockHeight < BOTTOM) newPage(false);
  const bx = 300;
  page.text(bx, y, 'VAT', { size: 9, font: 'F2' });
  page.text(bx + 70, y, 'Rate', { size: 9, font: 'F2' });
  page.text(bx + 170, y, 'Taxable', { size: 9, font: 'F2', align: 'right' });
  page.text(RIGHT, y, 'VAT amount', { size: 9, font: 'F2', align: 'right' });
  y -= ROW;
  for (const sub of inv.vatBreakdown) {
    page.text(bx, y, sub.category, { size: 9 });
    page.text(bx + 70, y, sub.category === 'O' ? '-' : `${formatQty(sub.percent)}%`, { size: 9 });
    page.text(bx + 170, y, formatAmount(sub.taxable), { size: 9, align: 'right' });
    page.text(RIGHT, y, formatAmount(sub.tax), { size: 9, align: 'right' });
    y -= ROW;
  }
  y -= 10;
  const totals: [string, number, boolean][] = [
    ['Total excl. VAT', inv.totals.net, false],
    ['Total VAT', inv.totals.vat, false],
    ['Total incl. VAT', inv.totals.gross, false],
    [isCredit ? 'Amount to be credited' : 'Amount due', inv.totals.payable, true],
  ];
  for (const [label, value, strong] of totals) {
    if (strong) {
      page.line(bx, y + ROW - 4, RIGHT, y + ROW - 4, 1);
      y -= 3;
    }
    const font = strong ? 'F2' : 'F1';
    page.text(bx, y, label, { size: strong ? 11 : 10, font });
    page.text(RIGHT, y, `${inv.currency} ${formatAmount(value)}`, { size: strong ? 11 : 10, font, align: 'right' });
    y -= ROW + 2;
  }

  // Footers, now that the page count is known.
  pages.forEach((p, i) => {
    p.line(M, 50, RIGHT, 50, 0.5, 0.6);
    p.text(M, 38, `${inv.supplier.name} - ${inv.invoiceNumber}`, { size: 8, gray: 0.4, maxWidth: 380 });
    p.text(RIGHT, 38, `Page ${i + 1} of ${pages.length}`, { size: 8, gray: 0.4, align: 'right' });
  });

  return buildPdf(pages, {
    title: `${isCredit ? 'Credit note' : 'Invoice'} ${inv.invoiceNumber} - ${inv.supplier.name}`,
    date: inv.issueDate,
    padToBytes: opts.padToBytes,
    seed: seedOf(inv),
  });
}
