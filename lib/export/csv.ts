/**
 * The history as CSV. Cells are quoted, and a cell that a spreadsheet would run as a formula
 * (starting with =, +, -, @, a tab or a carriage return) is neutralised with a leading quote,
 * as OWASP advises: invoice fields come from suppliers and are untrusted.
 */
import { failureCode } from '../failures/failure';
import type { HistoryEntry } from './messages';

export function csvCell(value: unknown): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

const columns: [string, (e: HistoryEntry) => unknown][] = [
  ['Status', (e) => e.state],
  ['Updated', (e) => new Date(e.updatedAt).toISOString()],
  ['Invoice number', (e) => e.invoiceNumber],
  ['Supplier', (e) => e.supplierName],
  ['Total', (e) => e.total],
  ['Currency', (e) => e.currency],
  ['Banqup document', (e) => e.documentId],
  ['Yokoy invoice', (e) => e.yokoyInvoiceId],
  ['Yokoy link', (e) => e.yokoyLink],
  ['Reason', (e) => (e.reason ? [failureCode(e.reason), e.reason.detail].filter(Boolean).join(': ') : '')],
  ['Attempts', (e) => e.attempts],
];

export function csvHeader(): string {
  return `${columns.map(([name]) => csvCell(name)).join(',')}\r\n`;
}

/** Rows only, each ending with CRLF: pages of rows concatenate into one file after the header. */
export function historyCsvRows(entries: HistoryEntry[]): string {
  let out = '';
  for (const entry of entries) out += `${columns.map(([, get]) => csvCell(get(entry))).join(',')}\r\n`;
  return out;
}

export function historyCsv(entries: HistoryEntry[]): string {
  return csvHeader() + historyCsvRows(entries);
}
