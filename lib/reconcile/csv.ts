/** The reconcile report as CSV (cells neutralised as in the export history's CSV). */
import { csvCell } from '../export/csv';
import { linkTo, type ReconcileReport, type ReconcileRow } from './report';

const verdictName = (row: ReconcileRow) =>
  row.verdict.kind === 'once' ? `once-${row.verdict.how}` : row.verdict.kind === 'duplicate' ? 'more-than-once' : row.verdict.kind;

export function reconcileCsv(report: ReconcileReport): string {
  const header = [
    'Verdict',
    'Banqup document',
    'Invoice number',
    'Supplier',
    'Date',
    'Type',
    'Gross',
    'Currency',
    'Yokoy invoice',
    'Yokoy copies to delete',
    'Candidates',
    'Banqup link',
    'Yokoy link',
  ];
  const lines = [header.map(csvCell).join(',')];
  for (const row of report.rows) {
    const v = row.verdict;
    const yokoy = v.kind === 'once' ? v.invoiceId : v.kind === 'duplicate' ? v.keep : '';
    lines.push(
      [
        verdictName(row),
        row.documentId,
        row.number,
        row.supplier,
        row.date,
        row.creditNote ? 'credit note' : 'invoice',
        row.gross,
        row.currency,
        yokoy,
        v.kind === 'duplicate' ? v.copies.join(' ') : '',
        v.kind === 'ambiguous' ? v.candidates.join(' ') : '',
        linkTo(report.banqupDocumentUrl, row.documentId),
        yokoy ? linkTo(report.yokoyInvoiceUrl, yokoy) : '',
      ]
        .map(csvCell)
        .join(','),
    );
  }
  for (const u of report.unmatched)
    lines.push(
      [
        `only-in-yokoy:${u.reason}`,
        '',
        u.number,
        '',
        u.date,
        '',
        u.gross,
        u.currency,
        u.invoiceId,
        '',
        '',
        '',
        linkTo(report.yokoyInvoiceUrl, u.invoiceId),
      ]
        .map(csvCell)
        .join(','),
    );
  return `${lines.join('\r\n')}\r\n`;
}
