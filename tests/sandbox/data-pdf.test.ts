/**
 * The sandbox's invoice PDFs: structurally valid files (header, every xref offset pointing
 * at its object, startxref at the table, %%EOF), multi-page layout, WinAnsi text for
 * accented names, and padding to a target size.
 */
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderInvoicePdf } from '../../sandbox/data/pdf';
import { toWinAnsi } from '../../sandbox/data/pdf-writer';
import type { ParsedUbl } from '../../sandbox/data/ubl';
import { checkPdfStructure as checkPdf } from '../../sandbox/data/pdf-check';

function checkPdfStructure(pdf: Buffer): { pages: number; objects: number } {
  const r = checkPdf(pdf);
  if (!r.ok) throw new Error(r.problem);
  expect(pdf.subarray(0, 9).toString('latin1')).toBe('%PDF-1.4\n');
  expect(pdf.subarray(-6).toString('latin1')).toBe('%%EOF\n');
  return r;
}

const invoice: ParsedUbl = {
  kind: 'invoice',
  invoiceNumber: 'FT 2026/1534',
  issueDate: '2026-05-01',
  dueDate: '2026-05-31',
  currency: 'EUR',
  supplier: { name: 'Papelaria São João Lda (Kœnig, Müller, Łódź, 漢字)', country: 'PT', vatId: 'PT509876540' },
  customer: { name: 'Acme Portugal Lda', country: 'PT' },
  totals: { net: 100, vat: 23, gross: 123, payable: 123 },
  vatBreakdown: [{ category: 'S', percent: 23, taxable: 100, tax: 23 }],
  lines: [
    {
      id: '1',
      description: 'Papel A4 (resma) – “premium” \\ (80 g)',
      quantity: 20,
      unitCode: 'C62',
      net: 100,
      vatCategory: 'S',
      vatPercent: 23,
    },
  ],
};

describe('renderInvoicePdf', () => {
  it('produces a structurally valid one-page PDF showing the invoice', () => {
    const pdf = renderInvoicePdf(invoice);
    expect(checkPdfStructure(pdf).pages).toBe(1);
    const s = pdf.toString('latin1');
    expect(s).toContain('(FT 2026/1534)');
    expect(s).toContain('(EUR 123.00)');
    // Parentheses and backslashes inside text are escaped.
    expect(s).toContain('\\(80 g\\)');
    expect(s).toContain('\\\\');
  });

  it('maps accented names to WinAnsi and replaces what it cannot show with ?', () => {
    expect(toWinAnsi('São João Kœnig Müller – € “x”')).toBe('S\xe3o Jo\xe3o K\x9cnig M\xfcller \x96 \x80 \x93x\x94');
    expect(toWinAnsi('Łódź 漢')).toBe('?\xf3dz ?');
    expect(toWinAnsi('e\u0301')).toBe('\xe9'); // decomposed é is composed first
    const s = renderInvoicePdf(invoice).toString('latin1');
    expect(s).toContain('Papelaria S\xe3o Jo\xe3o Lda');
  });

  it('spreads many lines over several pages, each with a footer', () => {
    const lines = Array.from({ length: 80 }, (_, i) => ({
      id: String(i + 1),
      description: `Item ${i + 1}`,
      quantity: 1,
      unitCode: 'C62',
      net: 1,
      vatCategory: 'S',
      vatPercent: 23,
    }));
    const pdf = renderInvoicePdf({ ...invoice, lines });
    const { pages } = checkPdfStructure(pdf);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pdf.toString('latin1')).toContain(`(Page ${pages} of ${pages})`);
  });

  it('pads to the requested size with a valid deflate stream, deterministically', () => {
    const a = renderInvoicePdf(invoice, { padToBytes: 100_000 });
    const b = renderInvoicePdf(invoice, { padToBytes: 100_000 });
    expect(a.length).toBeGreaterThanOrEqual(100_000);
    expect(a.length).toBeLessThan(100_100);
    expect(a.equals(b)).toBe(true);
    checkPdfStructure(a);
    const s = a.toString('latin1');
    const m = /\/Filter \/FlateDecode \/Length (\d+) >>\nstream\n/.exec(s)!;
    const data = a.subarray(m.index + m[0].length, m.index + m[0].length + Number(m[1]));
    expect(inflateSync(data).length).toBeGreaterThan(90_000);
  });

  it('the structure check catches a shifted offset and a truncated file', () => {
    const good = renderInvoicePdf(invoice);
    expect(checkPdf(good).ok).toBe(true);
    const shifted = Buffer.concat([good.subarray(0, 20), Buffer.from(' '), good.subarray(20)]);
    expect(checkPdf(shifted)).toMatchObject({ ok: false });
    expect(checkPdf(good.subarray(0, good.length - 100))).toMatchObject({ ok: false });
    expect(checkPdf(Buffer.from('hello'))).toMatchObject({ ok: false, problem: 'no %PDF- header' });
  });

  it('a padding target smaller than the file changes nothing', () => {
    expect(renderInvoicePdf(invoice, { padToBytes: 100 }).equals(renderInvoicePdf(invoice))).toBe(true);
  });

  it('renders a credit note with its own title', () => {
    const s = renderInvoicePdf({ ...invoice, kind: 'creditNote' }).toString('latin1');
    expect(s).toContain('(CREDIT NOTE)');
    expect(s).toContain('(Amount to be credited)');
  });
});
