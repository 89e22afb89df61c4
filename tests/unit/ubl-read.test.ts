/**
 * The UBL reader: every Peppol BIS 3 element an import needs, for invoices and credit notes,
 * with namespaces written every way real files write them; and hostile input (entities,
 * external references, deep nesting, huge attributes, random bytes) refused by name, never a
 * throw, never a hang.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, maxDepth, readUbl, UBL_NS } from '../../lib/ubl/read';
import { summaryPdf, SUMMARY_PDF_MARK } from '../../lib/ubl/summary-pdf';
import { base64, sample, tinyPdf, writeFixture, type FixtureInvoice, type Style } from './support/ubl-fixture';

const styles: Style[] = ['default-root', 'all-prefixed', 'no-prefix'];

describe('readUbl: the elements', () => {
  for (const style of styles) {
    for (const kind of ['invoice', 'creditNote'] as const) {
      it(`reads a ${kind} (${style})`, () => {
        const pdf = tinyPdf('embedded');
        const xml = writeFixture(
          {
            ...sample,
            kind,
            pdf: { fileName: 'INV-2026-0001.pdf', base64: base64(pdf) },
            externalFile: 'https://x.example/files/other.pdf',
          },
          style,
          'inv',
        );
        const read = readUbl(xml);
        expect(read.ok).toBe(true);
        if (!read.ok) return;
        expect(read.value).toMatchObject({
          kind,
          number: 'INV-2026-0001',
          issueDate: '2026-05-04',
          dueDate: '2026-06-03',
          currency: 'EUR',
          total: 1210.5,
          payable: 1200,
          customerName: 'Acme Belgium NV',
          supplier: {
            name: 'Papelaria São João & Filhos',
            vatId: 'BE0403123486',
            endpointId: '0403123486',
            endpointScheme: '0208',
            companyId: '0403.123.486',
            ids: ['5412345000013'],
            country: 'BE',
          },
          referencedFiles: ['INV-2026-0001.pdf', 'other.pdf'],
        });
        expect(read.value.embeddedPdfs).toHaveLength(1);
        expect(read.value.embeddedPdfs[0]!.fileName).toBe('INV-2026-0001.pdf');
        expect([...read.value.embeddedPdfs[0]!.bytes]).toEqual([...pdf]);
      });
    }
  }

  it('reads bytes (UTF-8 with a BOM) as well as text', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(writeFixture(sample))]);
    const read = readUbl(bytes);
    expect(read.ok && read.value.supplier.name).toBe('Papelaria São João & Filhos');
  });

  it('decodes character references and keeps amounts as written (no float guessing of ids)', () => {
    const xml = writeFixture({ ...sample, number: '007' }).replace('Papelaria São João &amp; Filhos', 'Caf&#233; &#x2603; &lt;b&gt;');
    const read = readUbl(xml);
    expect(read.ok && read.value.number).toBe('007');
    expect(read.ok && read.value.supplier.name).toBe('Café ☃ <b>');
  });

  it('takes the supplier name from the legal entity when there is no PartyName', () => {
    const xml = writeFixture(sample).replace(/<cac:PartyName><cbc:Name>[^<]*<\/cbc:Name><\/cac:PartyName>/, '');
    const read = readUbl(xml);
    expect(read.ok && read.value.supplier.name).toBe('Papelaria São João & Filhos');
  });

  it('falls back to PayableAmount without TaxInclusiveAmount; a credit note’s due date from PaymentMeans', () => {
    const xml = writeFixture({ ...sample, kind: 'creditNote', payable: '99.99' }).replace(
      /<cbc:TaxInclusiveAmount[^>]*>[^<]*<\/cbc:TaxInclusiveAmount>/,
      '',
    );
    const read = readUbl(xml);
    expect(read.ok && read.value.total).toBe(99.99);
    expect(read.ok && read.value.dueDate).toBe('2026-06-03');
  });

  it('drops an attachment that claims to be a PDF and is not', () => {
    const read = readUbl(writeFixture({ ...sample, pdf: { fileName: 'x.pdf', base64: btoa('not a pdf at all') } }));
    expect(read.ok && read.value.embeddedPdfs).toEqual([]);
  });
});

describe('readUbl: refusals', () => {
  const refused = (xml: string | Uint8Array) => {
    const read = readUbl(xml);
    return read.ok ? 'ok' : read.failure.kind;
  };

  it('names what is missing or wrong', () => {
    expect(refused(writeFixture(sample).replace(/<cbc:ID>INV-2026-0001<\/cbc:ID>/, ''))).toBe('missing-field');
    expect(readUbl(writeFixture(sample).replace(/<cbc:IssueDate>[^<]*<\/cbc:IssueDate>/, ''))).toMatchObject({
      ok: false,
      failure: { detail: 'IssueDate' },
    });
    expect(readUbl(writeFixture({ ...sample, issueDate: '04/05/2026' }))).toMatchObject({
      ok: false,
      failure: { kind: 'bad-field', detail: 'IssueDate 04/05/2026' },
    });
    expect(refused(writeFixture({ ...sample, currency: 'EURO' }))).toBe('bad-field');
    expect(refused(writeFixture({ ...sample, gross: '12,50' }))).toBe('bad-field');
    expect(
      refused(
        writeFixture({ ...sample, supplierName: '' }).replace(/<cac:AccountingSupplierParty>[\s\S]*?<\/cac:AccountingSupplierParty>/, ''),
      ),
    ).toBe('missing-field');
  });

  it('refuses what is not XML, not UBL, or not an invoice', () => {
    expect(refused('%PDF-1.4 hello')).toBe('not-xml');
    expect(refused('')).toBe('not-xml');
    expect(refused('<Invoice><ID>1</ID></Invoice>')).toBe('not-ubl');
    expect(refused(`<Invoice xmlns="urn:example:invoice"><ID>1</ID></Invoice>`)).toBe('not-ubl');
    expect(readUbl(`<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"><ID>1</ID></Order>`)).toMatchObject({
      ok: false,
      failure: { kind: 'not-an-invoice', detail: 'Order' },
    });
    // An Invoice root bound to the CreditNote namespace is neither.
    expect(refused(`<Invoice xmlns="${UBL_NS.CreditNote}"><ID>1</ID></Invoice>`)).toBe('not-ubl');
  });

  it('refuses malformed XML with where it broke', () => {
    const broken = writeFixture(sample).replace('</cbc:IssueDate>', '');
    const read = readUbl(broken);
    expect(read).toMatchObject({ ok: false, failure: { kind: 'malformed' } });
    expect(!read.ok && read.failure.detail).toMatch(/^line \d+/);
    expect(refused(writeFixture(sample).slice(0, 400))).toBe('malformed');
  });

  it('refuses entity declarations (billion laughs, external entities) before parsing', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><Invoice xmlns="${UBL_NS.Invoice}"><ID>&lol3;</ID></Invoice>`;
    expect(refused(laughs)).toBe('doctype');
    const xxe = `<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><Invoice xmlns="${UBL_NS.Invoice}"><ID>&xxe;</ID></Invoice>`;
    expect(refused(xxe)).toBe('doctype');
    expect(
      refused(
        writeFixture(sample).replace(
          '<?xml version="1.0" encoding="UTF-8"?>',
          '<?xml version="1.0"?><!doctype Invoice SYSTEM "http://evil.example/x.dtd">',
        ),
      ),
    ).toBe('doctype');
    // An undeclared entity is never expanded: it stays the text it is.
    const undeclared = readUbl(writeFixture(sample).replace('INV-2026-0001', '&undeclared;'));
    expect(undeclared.ok ? undeclared.value.number : undeclared.failure.kind).toMatch(/^(&undeclared;|malformed)$/);
  });

  it('refuses nesting deeper than any invoice, without recursion', () => {
    const depth = 100_000;
    const deep = `<Invoice xmlns="${UBL_NS.Invoice}">${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</Invoice>`;
    expect(refused(deep)).toBe('too-deep');
    expect(maxDepth(writeFixture(sample))).toBeLessThanOrEqual(MAX_DEPTH);
  });

  it('reads through a huge attribute and a huge text without trouble', () => {
    const big = 'x'.repeat(5_000_000);
    const read = readUbl(
      writeFixture(sample).replace(
        '<cbc:ID>INV-2026-0001</cbc:ID>',
        `<cbc:ID schemeID="${big}">INV-2026-0001</cbc:ID><cbc:Note>${big}</cbc:Note>`,
      ),
    );
    expect(read.ok && read.value.number).toBe('INV-2026-0001');
  });

  it('refuses a file larger than any invoice', () => {
    expect(refused(new Uint8Array(31 * 1024 * 1024).fill(0x3c))).toBe('too-large');
  });
});

// ---- properties ------------------------------------------------------------------------

const text = fc
  .stringMatching(/^[A-Za-z0-9À-ÿ&<>"' .,/#-]{1,40}$/)
  .map((s) => s.trim().replace(/\s+/g, ' '))
  .filter((s) => s.length > 0);
const day = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const invoice: fc.Arbitrary<FixtureInvoice> = fc.record({
  kind: fc.constantFrom('invoice', 'creditNote' as const),
  number: text,
  issueDate: day,
  dueDate: fc.option(day, { nil: undefined }),
  currency: fc.constantFrom('EUR', 'USD', 'CHF', 'GBP', 'SEK'),
  supplierName: text,
  supplierVat: fc.option(fc.stringMatching(/^[A-Z]{2}[0-9A-Z]{2,12}$/), { nil: undefined }),
  endpointId: fc.option(fc.stringMatching(/^[0-9]{4,12}$/), { nil: undefined }),
  endpointScheme: fc.constantFrom('0208', '9925', '0088'),
  companyId: fc.option(text, { nil: undefined }),
  partyIds: fc.array(text, { maxLength: 3 }),
  customerName: text,
  gross: fc.integer({ min: 0, max: 10 ** 11 }).map((c) => (c / 100).toFixed(2)),
});

describe('readUbl: properties', () => {
  it('reads back every fact it was given, in every namespace style', () => {
    fc.assert(
      fc.property(invoice, fc.constantFrom(...styles), fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/), (inv, style, prefix) => {
        const read = readUbl(writeFixture(inv, style, prefix === 'cac' || prefix === 'cbc' ? 'ubl' : prefix));
        expect(read.ok).toBe(true);
        if (!read.ok) return;
        expect(read.value).toMatchObject({
          kind: inv.kind,
          number: inv.number,
          issueDate: inv.issueDate,
          currency: inv.currency,
          total: Number(inv.gross),
          customerName: inv.customerName,
          supplier: {
            name: inv.supplierName,
            vatId: inv.supplierVat,
            endpointId: inv.endpointId,
            companyId: inv.companyId,
            ids: inv.partyIds,
          },
        });
        if (inv.dueDate) expect(read.value.dueDate).toBe(inv.dueDate);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random or mangled input: always a result or a named problem', () => {
    const valid = writeFixture(sample);
    const mangled = fc
      .tuple(fc.nat({ max: valid.length }), fc.nat({ max: 50 }), fc.string({ maxLength: 20 }))
      .map(([at, cut, insert]) => valid.slice(0, at) + insert + valid.slice(at + cut));
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 }), mangled), (input) => {
        const read = readUbl(input);
        expect(typeof read.ok).toBe('boolean');
        if (!read.ok) expect(read.failure.kind).toMatch(/^[a-z-]+$/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('summaryPdf', () => {
  it('draws a PDF that says it is the companion’s summary, with the invoice’s facts', () => {
    const read = readUbl(writeFixture(sample));
    if (!read.ok) throw new Error('fixture');
    const pdf = summaryPdf(read.value);
    const text = new TextDecoder('latin1').decode(pdf);
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    expect(text).toContain(SUMMARY_PDF_MARK.replace(/[()]/g, '\\$&'));
    expect(text).toContain('INV-2026-0001');
    expect(text).toContain('Total: 1210.50 EUR');
    // The cross-reference offsets point at each object.
    const xref = Number(/startxref\n(\d+)/.exec(text)![1]);
    expect(text.slice(xref, xref + 4)).toBe('xref');
    const offsets = [...text.slice(xref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    offsets.forEach((o, i) => expect(text.slice(o, o + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`));
  });
});
