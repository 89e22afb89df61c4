/**
 * The sandbox's seeded Banqup account: the requirements the emulators and the benchmarks
 * rely on (counts, suppliers, countries, currencies, VAT categories, credit notes, the one
 * UBL without a PDF, totals that add up, valid PDFs, deterministic ids) and the bank
 * statements (CODA record layout, CAMT.053 well-formed, balances chaining).
 */
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { isValidIban, UUID_V4_RE } from '../../sandbox/data/ids';
import { checkPdfStructure } from '../../sandbox/data/pdf-check';
import { seedBankStatements, seedDocuments } from '../../sandbox/data/seed';
import { isPdf, parseUbl } from '../../sandbox/data/ubl';

const docs = seedDocuments();
const purchases = docs.filter((d) => d.folder === 'PURCHASES');
const cents = (n: number): number => Math.round(n * 100);

describe('seedDocuments', () => {
  it('has at least 40 purchase documents from 8+ suppliers in several countries', () => {
    expect(purchases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(purchases.map((d) => d.meta.supplier.name)).size).toBeGreaterThanOrEqual(8);
    const countries = new Set(purchases.map((d) => d.meta.supplier.country));
    for (const c of ['BE', 'NL', 'PT', 'FR', 'DE', 'CH', 'LU']) expect(countries).toContain(c);
  });

  it('covers EUR, CHF, USD and GBP and the VAT categories S (several rates), Z, E, AE', () => {
    expect(new Set(purchases.map((d) => d.meta.currency))).toEqual(new Set(['EUR', 'CHF', 'USD', 'GBP']));
    const cats = new Set(purchases.flatMap((d) => d.meta.vatBreakdown.map((v) => `${v.category}${v.category === 'S' ? v.percent : ''}`)));
    for (const c of ['S21', 'S23', 'S20', 'S19', 'S8.1', 'S6', 'Z', 'E', 'AE', 'K', 'O']) expect(cats).toContain(c);
  });

  it('has credit notes, exactly one UBL without embedded PDF, and one PDF-only document', () => {
    const creditNotes = purchases.filter((d) => d.kind === 'creditNote');
    expect(creditNotes.length).toBeGreaterThanOrEqual(2);
    for (const cn of creditNotes) {
      expect(cn.ubl).toContain('<CreditNote ');
      expect(cn.ubl).toContain('<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>');
      expect(cn.ubl).toContain('<cac:BillingReference>');
    }
    const ublWithoutPdf = docs.filter((d) => d.ubl !== undefined && !d.hasEmbeddedPdf);
    expect(ublWithoutPdf).toHaveLength(1);
    expect(ublWithoutPdf[0]!.ubl).not.toContain('EmbeddedDocumentBinaryObject');
    expect(ublWithoutPdf[0]!.meta.embeddedPdf).toBeUndefined();
    const pdfOnly = docs.filter((d) => d.ubl === undefined);
    expect(pdfOnly).toHaveLength(1);
    expect(pdfOnly[0]!.fileName).toMatch(/\.pdf$/);
    for (const d of docs.filter((x) => x.ubl !== undefined && x.hasEmbeddedPdf)) {
      expect(d.meta.embeddedPdf?.data.equals(d.pdf)).toBe(true);
    }
  });

  it('buys mostly as Acme Belgium NV, a few times as Acme Portugal Lda; supplier names carry accents', () => {
    const buyers = purchases.map((d) => d.meta.customer.name);
    const be = buyers.filter((n) => n === 'Acme Belgium NV').length;
    const pt = buyers.filter((n) => n === 'Acme Portugal Lda').length;
    expect(be + pt).toBe(purchases.length);
    expect(pt).toBeGreaterThanOrEqual(2);
    expect(be).toBeGreaterThan(pt * 3);
    expect(purchases.some((d) => /[éèüöãçœà]/.test(d.meta.supplier.name))).toBe(true);
  });

  it('numbers are unique per supplier, file names unique overall', () => {
    const keys = docs.map((d) => `${d.meta.supplier.name}|${d.meta.invoiceNumber}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(docs.map((d) => d.fileName)).size).toBe(docs.length);
  });

  it('totals add up: line nets → taxable → tax → gross = payable', () => {
    for (const d of docs) {
      const m = d.meta;
      const byCat = new Map<string, number>();
      for (const l of m.lines)
        byCat.set(`${l.vatCategory}|${l.vatPercent ?? 0}`, (byCat.get(`${l.vatCategory}|${l.vatPercent ?? 0}`) ?? 0) + cents(l.net));
      expect(m.vatBreakdown.length, m.invoiceNumber).toBe(byCat.size);
      for (const v of m.vatBreakdown) {
        expect(cents(v.taxable), m.invoiceNumber).toBe(byCat.get(`${v.category}|${v.percent}`));
        expect(cents(v.tax), m.invoiceNumber).toBe(Math.round((cents(v.taxable) * v.percent) / 100));
      }
      expect(cents(m.totals.net)).toBe(m.vatBreakdown.reduce((t, v) => t + cents(v.taxable), 0));
      expect(cents(m.totals.vat)).toBe(m.vatBreakdown.reduce((t, v) => t + cents(v.tax), 0));
      expect(cents(m.totals.gross)).toBe(cents(m.totals.net) + cents(m.totals.vat));
      expect(m.totals.payable).toBe(m.totals.gross);
      expect(m.totals.payable).toBeGreaterThan(0);
    }
  });

  it('every document has a valid PDF, and every UBL parses back to its meta', () => {
    for (const d of docs) {
      expect(isPdf(d.pdf)).toBe(true);
      expect(d.pdf.subarray(-6).toString('latin1')).toBe('%%EOF\n');
      expect(checkPdfStructure(d.pdf)).toMatchObject({ ok: true });
      if (d.ubl) {
        const r = parseUbl(d.ubl);
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.invoice).toEqual(d.meta);
      }
    }
    expect(docs.some((d) => (checkPdfStructure(d.pdf) as { pages: number }).pages >= 2)).toBe(true);
  });

  it('each PDF shows its document number and amount due', () => {
    for (const d of docs) {
      const text = d.pdf.toString('latin1');
      expect(text, d.fileName).toContain(`(${d.meta.invoiceNumber})`);
      const due = d.meta.totals.payable.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
      expect(text, d.fileName).toContain(`(${d.meta.currency} ${due})`);
    }
  });

  it('ids, dates and statuses are well-formed and spread over the six months before 2026-11-01', () => {
    expect(new Set(docs.map((d) => d.documentId)).size).toBe(docs.length);
    for (const d of docs) {
      expect(d.documentId).toMatch(UUID_V4_RE);
      expect(d.receivedAt >= '2026-05-01' && d.receivedAt < '2026-11-01').toBe(true);
      expect(d.meta.issueDate <= d.receivedAt.slice(0, 10)).toBe(true);
    }
    const months = new Set(docs.map((d) => d.receivedAt.slice(0, 7)));
    expect(months.size).toBe(6);
    const statuses = new Set(docs.map((d) => d.status));
    for (const s of ['received', 'approved', 'paid', 'rejected']) expect(statuses).toContain(s);
    expect(docs.map((d) => d.receivedAt)).toEqual([...docs.map((d) => d.receivedAt)].sort());
  });

  it('is deterministic and cached; callers get their own top-level objects', () => {
    const again = seedDocuments();
    expect(again.map((d) => d.documentId)).toEqual(docs.map((d) => d.documentId));
    expect(again.map((d) => d.ubl)).toEqual(docs.map((d) => d.ubl));
    again[0]!.status = 'rejected';
    expect(seedDocuments()[0]!.status).toBe(docs[0]!.status);
    // Cached: the second call shares the first one's built parts (no timing, which a loaded machine makes flaky).
    expect(again[1]!.pdf).toBe(docs[1]!.pdf);
    expect(again[1]!.meta).toBe(docs[1]!.meta);
  });
});

describe('seedBankStatements', () => {
  const statements = seedBankStatements();

  it('has a few CODA and CAMT.053 files for valid IBANs', () => {
    expect(statements.filter((s) => s.format === 'CODA').length).toBeGreaterThanOrEqual(2);
    expect(statements.filter((s) => s.format === 'CAMT.053').length).toBeGreaterThanOrEqual(2);
    for (const s of statements) {
      expect(isValidIban(s.iban)).toBe(true);
      expect(s.documentId).toMatch(UUID_V4_RE);
      expect(s.date).toMatch(/^2026-\d{2}-\d{2}$/);
      expect(s.fileName).toContain(s.iban);
    }
    expect(new Set(statements.map((s) => s.fileName)).size).toBe(statements.length);
  });

  it('CODA files are 128-character records 0, 1, 2x…, 8, 9 with a matching trailer', () => {
    for (const s of statements.filter((x) => x.format === 'CODA')) {
      const lines = s.content.split('\r\n').filter(Boolean);
      for (const l of lines) expect(l).toHaveLength(128);
      expect(lines[0]![0]).toBe('0');
      expect(lines[1]![0]).toBe('1');
      expect(lines.at(-2)![0]).toBe('8');
      expect(lines.at(-1)![0]).toBe('9');
      expect(Number(lines.at(-1)!.slice(16, 22))).toBe(lines.length - 2);
      // Old balance + movements = new balance (sign then 15 digits: record 1 at 42, 2.1 at 31, 8 at 41).
      const signed = (l: string, at: number): number => (l[at] === '1' ? -1 : 1) * Number(l.slice(at + 1, at + 16));
      const moves = lines.filter((l) => l.startsWith('21')).reduce((t, l) => t + signed(l, 31), 0);
      expect(signed(lines[1]!, 42) + moves).toBe(signed(lines.at(-2)!, 41));
    }
  });

  it('CAMT.053 files are well-formed and balances chain from one statement to the next', () => {
    const camt = statements.filter((x) => x.format === 'CAMT.053');
    for (const s of camt) {
      expect(XMLValidator.validate(s.content)).toBe(true);
      expect(s.content).toContain('urn:iso:std:iso:20022:tech:xsd:camt.053.001.02');
      expect(s.content).toContain(`<IBAN>${s.iban}</IBAN>`);
    }
    const be = statements.filter((s) => s.iban.startsWith('BE'));
    const closing = (s: (typeof be)[number]): string =>
      s.format === 'CODA'
        ? String(Number(s.content.split('\r\n').filter(Boolean).at(-2)!.slice(42, 57)) / 1000)
        : /<Cd>CLBD<\/Cd>.*?<Amt Ccy="EUR">([\d.]+)</s.exec(s.content)![1]!;
    const opening = (s: (typeof be)[number]): string =>
      s.format === 'CODA'
        ? String(Number(s.content.split('\r\n')[1]!.slice(43, 58)) / 1000)
        : /<Cd>OPBD<\/Cd>.*?<Amt Ccy="EUR">([\d.]+)</s.exec(s.content)![1]!;
    for (let i = 1; i < be.length; i++) expect(Number(opening(be[i]!))).toBe(Number(closing(be[i - 1]!)));
  });

  it('pays every paid EUR document of the Acme accounts', () => {
    const all = statements.map((s) => s.content).join('\n');
    const paidEur = docs.filter((d) => d.status === 'paid' && d.meta.currency === 'EUR');
    expect(paidEur.length).toBeGreaterThan(5);
    for (const d of paidEur) {
      const camt = `<Amt Ccy="EUR">${d.meta.totals.payable.toFixed(2)}</Amt>`;
      const coda = String(Math.round(d.meta.totals.payable * 1000)).padStart(15, '0');
      expect(all.includes(camt) || all.includes(coda), d.meta.invoiceNumber).toBe(true);
    }
  });
});
