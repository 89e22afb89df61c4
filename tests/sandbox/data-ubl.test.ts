/**
 * The sandbox's UBL reader and writer: the handwritten fixtures, field-level errors for
 * malformed / wrong-root / incomplete documents, hostile input (entity bombs, oversize),
 * and the writer → reader round trip.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPdf, parseUbl, type ParsedUbl } from '../../sandbox/data/ubl';
import { writeUbl, PEPPOL_CUSTOMIZATION_ID } from '../../sandbox/data/ubl-write';
import { renderInvoicePdf } from '../../sandbox/data/pdf';

const fixture = (name: string): Buffer => readFileSync(join(__dirname, '../fixtures/ubl', name));

function ok(r: ReturnType<typeof parseUbl>): ParsedUbl {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.errors)}`);
  return r.invoice;
}
function errorFields(r: ReturnType<typeof parseUbl>): string[] {
  if (r.ok) throw new Error('expected errors');
  return r.errors.map((e) => e.field);
}

const minimal = (body: string, root = 'Invoice'): string => `<?xml version="1.0"?>
<${root} xmlns="urn:oasis:names:specification:ubl:schema:xsd:${root}-2"
  xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">${body}</${root}>`;

const COMPLETE = `
  <cbc:ID>X-1</cbc:ID><cbc:IssueDate>2026-01-31</cbc:IssueDate><cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
  <cac:AccountingSupplierParty><cac:Party><cac:PartyName><cbc:Name>Seller</cbc:Name></cac:PartyName></cac:Party></cac:AccountingSupplierParty>
  <cac:LegalMonetaryTotal><cbc:TaxExclusiveAmount currencyID="EUR">10.00</cbc:TaxExclusiveAmount>
  <cbc:TaxInclusiveAmount currencyID="EUR">12.10</cbc:TaxInclusiveAmount><cbc:PayableAmount currencyID="EUR">12.10</cbc:PayableAmount></cac:LegalMonetaryTotal>`;

describe('parseUbl: fixtures', () => {
  it('reads the handwritten invoice (two VAT rates, embedded PDF, references)', () => {
    const inv = ok(parseUbl(fixture('invoice-be-imprimerie.xml')));
    expect(inv).toMatchObject({
      kind: 'invoice',
      invoiceNumber: 'F2026/0457',
      issueDate: '2026-09-14',
      dueDate: '2026-10-14',
      currency: 'EUR',
      supplier: { name: 'Imprimerie Wallonne SRL', country: 'BE', vatId: 'BE0456789123', endpointId: '0456789123', endpointScheme: '0208' },
      customer: { name: 'Acme Belgium NV', country: 'BE', vatId: 'BE0123456749' },
      totals: { net: 370, vat: 59.7, gross: 429.7, payable: 429.7 },
      vatBreakdown: [
        { category: 'S', percent: 21, taxable: 250, tax: 52.5 },
        { category: 'S', percent: 6, taxable: 120, tax: 7.2 },
      ],
      buyerReference: 'ACME-MKT-2026',
      orderReference: 'PO-88231',
    });
    expect(inv.lines).toEqual([
      { id: '1', description: 'Flyers A5 quadri, 500 ex.', quantity: 2, unitCode: 'C62', net: 250, vatCategory: 'S', vatPercent: 21 },
      {
        id: '2',
        description: 'Brochure « Guide pratique » (livre)',
        quantity: 3,
        unitCode: 'C62',
        net: 120,
        vatCategory: 'S',
        vatPercent: 6,
      },
    ]);
    expect(inv.embeddedPdf?.fileName).toBe('F2026-0457.pdf');
    expect(isPdf(inv.embeddedPdf!.data)).toBe(true);
  });

  it('reads the credit note with unusual prefixes, reverse charge and due date in PaymentMeans', () => {
    const cn = ok(parseUbl(fixture('creditnote-nl-reverse-charge.xml')));
    expect(cn).toMatchObject({
      kind: 'creditNote',
      invoiceNumber: 'CN-2026-0031',
      dueDate: '2026-11-01',
      supplier: { name: 'Drukkerij Van Dijk & Zoon B.V.', country: 'NL', endpointScheme: '0106' },
      totals: { net: 150, vat: 0, gross: 150, payable: 150 },
      vatBreakdown: [{ category: 'AE', percent: 0, taxable: 150, tax: 0 }],
      lines: [{ id: '1', quantity: 2.5, unitCode: 'HUR', net: 150, vatCategory: 'AE', vatPercent: 0 }],
    });
    expect(cn.embeddedPdf).toBeUndefined();
  });

  it('rejects the truncated fixture as malformed XML', () => {
    const r = parseUbl(fixture('broken-truncated.xml'));
    expect(errorFields(r)).toEqual(['xml']);
    expect(!r.ok && r.errors[0]!.message).toMatch(/malformed XML.*Invoice/);
  });

  it('accepts base64-encoded XML, with or without line breaks', () => {
    const b64 = fixture('invoice-be-imprimerie.xml').toString('base64');
    expect(ok(parseUbl(b64)).invoiceNumber).toBe('F2026/0457');
    expect(ok(parseUbl(b64.replace(/(.{76})/g, '$1\n'))).invoiceNumber).toBe('F2026/0457');
    expect(ok(parseUbl(Buffer.from(b64))).invoiceNumber).toBe('F2026/0457');
  });
});

describe('parseUbl: errors', () => {
  it('a complete minimal document parses (sanity check for the cases below)', () => {
    expect(ok(parseUbl(minimal(COMPLETE))).totals).toEqual({ net: 10, vat: 2.1, gross: 12.1, payable: 12.1 });
  });

  it.each([
    ['empty', ''],
    ['plain text', 'hello, this is not an invoice'],
    ['unclosed tag', '<Invoice><cbc:ID>1</Invoice>'],
    ['garbage after root', minimal(COMPLETE) + '<extra/>'],
    ['binary', Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0xfe])],
  ])('malformed input (%s) → ok:false on field xml or root', (_name, input) => {
    const fields = errorFields(parseUbl(input));
    expect(fields.length).toBeGreaterThan(0);
    expect(fields.every((f) => f === 'xml' || f === 'root')).toBe(true);
  });

  it('a wrong root (Order) → root error', () => {
    const r = parseUbl(minimal(COMPLETE, 'Order'));
    expect(errorFields(r)).toEqual(['root']);
    expect(!r.ok && r.errors[0]!.message).toContain("'Order'");
  });

  it('an Invoice root in the wrong namespace → root error', () => {
    const xml = minimal(COMPLETE).replace('xsd:Invoice-2', 'xsd:Order-2');
    expect(errorFields(parseUbl(xml))).toContain('root');
  });

  it('missing ID, IssueDate, DocumentCurrencyCode, supplier name and totals → one error each', () => {
    const xml = minimal('<cbc:Note>nothing useful</cbc:Note>');
    expect(errorFields(parseUbl(xml)).sort()).toEqual(['currency', 'invoiceNumber', 'issueDate', 'supplier.name', 'totals']);
  });

  it('bad values: impossible date, lowercase currency, non-numeric amount', () => {
    const xml = minimal(
      COMPLETE.replace('2026-01-31', '2026-02-30')
        .replace('>EUR<', '>eur<')
        .replace('>12.10</cbc:PayableAmount>', '>12,10</cbc:PayableAmount>'),
    );
    expect(errorFields(parseUbl(xml)).sort()).toEqual(['currency', 'issueDate', 'totals.payable']);
  });

  it('an attachment marked application/pdf that is not a PDF: the invoice is still valid, without an embedded PDF', () => {
    const att = `<cac:AdditionalDocumentReference><cbc:ID>a</cbc:ID><cac:Attachment>
      <cbc:EmbeddedDocumentBinaryObject mimeCode="application/pdf" filename="a.pdf">${Buffer.from('not a pdf').toString('base64')}</cbc:EmbeddedDocumentBinaryObject>
      </cac:Attachment></cac:AdditionalDocumentReference>`;
    const parsed = parseUbl(minimal(att + COMPLETE));
    if (!parsed.ok) throw new Error(`refused: ${parsed.errors.map((e) => e.field).join(', ')}`);
    expect(parsed.invoice.embeddedPdf).toBeUndefined();
    expect(parsed.invoice.mislabelledAttachments).toEqual(['a.pdf']);
  });

  it('a "billion laughs" entity bomb returns quickly without expansion', () => {
    const bomb = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
${minimal(COMPLETE.replace('X-1', '&lol9;')).replace('<?xml version="1.0"?>', '')}`;
    const t0 = performance.now();
    const r = parseUbl(bomb);
    expect(performance.now() - t0).toBeLessThan(500);
    if (r.ok) expect(r.invoice.invoiceNumber.length).toBeLessThan(100);
    else expect(r.errors[0]!.field).toBe('xml');
  });

  it('an external entity (XXE) is never resolved', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${minimal(COMPLETE.replace('X-1', '&xxe;')).replace('<?xml version="1.0"?>', '')}`;
    const r = parseUbl(xxe);
    expect(JSON.stringify(r)).not.toContain('root:');
  });

  it('input above 10 MB is refused without parsing', () => {
    const huge = minimal(`<cbc:Note>${'a'.repeat(11 * 1024 * 1024)}</cbc:Note>${COMPLETE}`);
    const t0 = performance.now();
    const r = parseUbl(huge);
    expect(performance.now() - t0).toBeLessThan(500);
    expect(!r.ok && r.errors[0]!.message).toMatch(/10 MB/);
  });

  it('never throws, whatever it is given', () => {
    for (const input of [undefined, null, 42, {}, [], '<', '<<<>>>', '<?xml?>', '\uFEFF<Invoice/>', '====']) {
      expect(() => parseUbl(input as unknown as string)).not.toThrow();
      expect(parseUbl(input as unknown as string).ok).toBe(false);
    }
  });

  it('decodes character references and predefined entities', () => {
    const inv = ok(parseUbl(minimal(COMPLETE.replace('>Seller<', '>Caf&#233; &amp; Fils &#x2013; &lt;SA&gt;<'))));
    expect(inv.supplier.name).toBe('Café & Fils – <SA>');
  });
});

describe('isPdf', () => {
  it('checks the %PDF- magic', () => {
    expect(isPdf(Buffer.from('%PDF-1.4\n...'))).toBe(true);
    expect(isPdf(new Uint8Array(Buffer.from('%PDF-1.7')))).toBe(true);
    expect(isPdf(Buffer.from('<?xml version="1.0"?>'))).toBe(false);
    expect(isPdf(Buffer.alloc(0))).toBe(false);
  });
});

describe('writeUbl → parseUbl round trip', () => {
  const base: ParsedUbl = {
    kind: 'invoice',
    invoiceNumber: 'RT/2026 <&> "1"',
    issueDate: '2026-03-01',
    dueDate: '2026-03-31',
    currency: 'CHF',
    supplier: {
      name: 'Zürcher Präzision & Söhne AG <CH>',
      country: 'CH',
      vatId: 'CHE-123.456.788 MWST',
      endpointId: 'CHE123456788',
      endpointScheme: '0183',
    },
    customer: { name: "Acme Belgium NV 'BE'", country: 'BE', vatId: 'BE0123456749', endpointId: '0123456749', endpointScheme: '0208' },
    totals: { net: 1234.5, vat: 100, gross: 1334.5, payable: 1334.5 },
    vatBreakdown: [
      { category: 'S', percent: 8.1, taxable: 1000, tax: 81 },
      { category: 'S', percent: 3.8, taxable: 500, tax: 19 },
      { category: 'E', percent: 0, taxable: -265.5, tax: 0 },
    ],
    lines: [
      {
        id: '1',
        description: 'Kalibrierung (Std.) – “vor Ort”',
        quantity: 2.5,
        unitCode: 'HUR',
        net: 1000,
        vatCategory: 'S',
        vatPercent: 8.1,
      },
      { id: '2', description: 'Hotel', quantity: 2, unitCode: 'C62', net: 500, vatCategory: 'S', vatPercent: 3.8 },
      { id: '3', description: 'Discount', quantity: -1, unitCode: 'C62', net: -265.5, vatCategory: 'E', vatPercent: 0 },
    ],
    buyerReference: 'ACME & CO',
    orderReference: 'PO-1',
  };

  it('an invoice with an embedded PDF comes back field for field', () => {
    const pdf = renderInvoicePdf(base);
    const doc: ParsedUbl = { ...base, embeddedPdf: { fileName: 'RT & 1.pdf', data: pdf } };
    const xml = writeUbl(doc, { iban: 'CH9300762011623852957', note: 'Danke & <bis bald>', paymentTerms: '30 Tage' });
    expect(xml).toContain(PEPPOL_CUSTOMIZATION_ID);
    expect(xml).toContain('<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>');
    expect(xml).toContain('<cbc:EndpointID schemeID="0183">CHE123456788</cbc:EndpointID>');
    const back = ok(parseUbl(xml));
    expect({ ...back, embeddedPdf: undefined }).toEqual({ ...doc, embeddedPdf: undefined });
    expect(back.embeddedPdf!.fileName).toBe('RT & 1.pdf');
    expect(back.embeddedPdf!.data.equals(pdf)).toBe(true);
  });

  it('a large embedded PDF in 76-character lines comes back, and a later error keeps its line number', () => {
    const pdf = renderInvoicePdf(base, { padToBytes: 60_000 });
    const xml = writeUbl({ ...base, embeddedPdf: { fileName: 'big.pdf', data: pdf } });
    // The base64 as mail and many Peppol access points wrap it.
    const wrapped = xml.replace(
      /(<cbc:EmbeddedDocumentBinaryObject[^>]*>)([^<]+)/,
      (_, open: string, b64: string) => open + b64.replace(/(.{76})/g, '$1\n'),
    );
    expect(wrapped.split('\n').length).toBeGreaterThan(800);
    expect(ok(parseUbl(wrapped)).embeddedPdf!.data.equals(pdf)).toBe(true);
    // An unclosed tag after the attachment: reported on the line it is on in the file.
    const broken = wrapped.replace('</cac:AccountingSupplierParty>', '<cbc:Note></cac:AccountingSupplierParty>');
    const line = broken.slice(0, broken.indexOf('<cbc:Note></cac')).split('\n').length;
    const r = parseUbl(broken);
    expect(!r.ok && r.errors[0]!.message).toMatch(new RegExp(`^malformed XML \\(line ${line},`));
  });

  it('a credit note (381, due date in PaymentMeans, category O without percent) comes back', () => {
    const cn: ParsedUbl = {
      ...base,
      kind: 'creditNote',
      currency: 'USD',
      totals: { net: 50, vat: 0, gross: 50, payable: 50 },
      vatBreakdown: [{ category: 'O', percent: 0, taxable: 50, tax: 0 }],
      lines: [{ id: '1', description: 'Refund', quantity: 1, unitCode: 'C62', net: 50, vatCategory: 'O' }],
    };
    const xml = writeUbl(cn, { billingReference: { id: 'INV-9', issueDate: '2026-02-01' } });
    expect(xml).toContain('<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>');
    expect(xml).toContain('<cac:CreditNoteLine>');
    expect(xml).toContain('<cbc:PaymentDueDate>2026-03-31</cbc:PaymentDueDate>');
    expect(xml).not.toContain('<cbc:DueDate>');
    expect(ok(parseUbl(xml))).toEqual(cn);
  });

  it('a payable amount below gross is written as a prepaid amount and read back', () => {
    const doc: ParsedUbl = { ...base, totals: { ...base.totals, payable: 1000 } };
    const xml = writeUbl(doc);
    expect(xml).toContain('<cbc:PrepaidAmount currencyID="CHF">334.50</cbc:PrepaidAmount>');
    expect(ok(parseUbl(xml)).totals.payable).toBe(1000);
  });

  it('strips characters XML cannot carry', () => {
    const doc: ParsedUbl = { ...base, buyerReference: 'A\u0001B\u0008C' };
    expect(ok(parseUbl(writeUbl(doc))).buyerReference).toBe('ABC');
  });
});
