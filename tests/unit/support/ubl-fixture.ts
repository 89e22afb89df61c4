/**
 * Writes Peppol BIS 3 UBL invoices and credit notes for the reader's tests, in the three ways
 * namespaces appear in real files: a default namespace on the root with cbc:/cac: children,
 * every element prefixed (the root too, with any prefix), or no prefix at all (each
 * component's namespace declared as the default where it starts).
 */
export type Style = 'default-root' | 'all-prefixed' | 'no-prefix';

export interface FixtureInvoice {
  kind: 'invoice' | 'creditNote';
  number: string;
  issueDate: string;
  dueDate?: string;
  currency: string;
  supplierName: string;
  supplierVat?: string;
  endpointId?: string;
  endpointScheme?: string;
  companyId?: string;
  partyIds?: string[];
  customerName?: string;
  /** TaxInclusiveAmount as written ("123.40"). */
  gross: string;
  payable?: string;
  pdf?: { fileName: string; base64: string };
  externalFile?: string;
}

const NS = {
  Invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  CreditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
};

export const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

export function writeFixture(inv: FixtureInvoice, style: Style = 'default-root', rootPrefix = 'ubl'): string {
  const root = inv.kind === 'invoice' ? 'Invoice' : 'CreditNote';
  const bc = (name: string, value: string | undefined, attrs = '') =>
    value === undefined
      ? ''
      : style === 'no-prefix'
        ? `<${name} xmlns="${NS.cbc}"${attrs}>${esc(value)}</${name}>`
        : `<cbc:${name}${attrs}>${esc(value)}</cbc:${name}>`;
  const ac = (name: string, inner: string) =>
    style === 'no-prefix' ? `<${name} xmlns="${NS.cac}">${inner}</${name}>` : `<cac:${name}>${inner}</cac:${name}>`;
  const cur = ` currencyID="${esc(inv.currency)}"`;
  const party = [
    inv.endpointId ? bc('EndpointID', inv.endpointId, inv.endpointScheme ? ` schemeID="${esc(inv.endpointScheme)}"` : '') : '',
    ...(inv.partyIds ?? []).map((id) => ac('PartyIdentification', bc('ID', id))),
    ac('PartyName', bc('Name', inv.supplierName)),
    ac('PostalAddress', ac('Country', bc('IdentificationCode', 'BE'))),
    inv.supplierVat ? ac('PartyTaxScheme', bc('CompanyID', inv.supplierVat) + ac('TaxScheme', bc('ID', 'VAT'))) : '',
    ac('PartyLegalEntity', bc('RegistrationName', inv.supplierName) + (inv.companyId ? bc('CompanyID', inv.companyId) : '')),
  ].join('');
  const references = [
    inv.pdf
      ? ac(
          'AdditionalDocumentReference',
          bc('ID', 'pdf') +
            ac(
              'Attachment',
              bc('EmbeddedDocumentBinaryObject', inv.pdf.base64, ` mimeCode="application/pdf" filename="${esc(inv.pdf.fileName)}"`),
            ),
        )
      : '',
    inv.externalFile
      ? ac('AdditionalDocumentReference', bc('ID', 'ext') + ac('Attachment', ac('ExternalReference', bc('URI', inv.externalFile))))
      : '',
  ].join('');
  const body = [
    bc('CustomizationID', 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0'),
    bc('ProfileID', 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0'),
    bc('ID', inv.number),
    bc('IssueDate', inv.issueDate),
    inv.kind === 'invoice' ? bc('DueDate', inv.dueDate) + bc('InvoiceTypeCode', '380') : bc('CreditNoteTypeCode', '381'),
    bc('DocumentCurrencyCode', inv.currency),
    references,
    ac('AccountingSupplierParty', ac('Party', party)),
    ac('AccountingCustomerParty', ac('Party', ac('PartyName', bc('Name', inv.customerName ?? 'Acme Belgium NV')))),
    inv.kind === 'creditNote' && inv.dueDate ? ac('PaymentMeans', bc('PaymentMeansCode', '30') + bc('PaymentDueDate', inv.dueDate)) : '',
    ac(
      'LegalMonetaryTotal',
      bc('TaxExclusiveAmount', inv.gross, cur) +
        bc('TaxInclusiveAmount', inv.gross, cur) +
        bc('PayableAmount', inv.payable ?? inv.gross, cur),
    ),
  ].join('');
  const head = '<?xml version="1.0" encoding="UTF-8"?>\n';
  if (style === 'all-prefixed')
    return `${head}<${rootPrefix}:${root} xmlns:${rootPrefix}="${NS[root]}" xmlns:cac="${NS.cac}" xmlns:cbc="${NS.cbc}">${body}</${rootPrefix}:${root}>`;
  if (style === 'no-prefix') return `${head}<${root} xmlns="${NS[root]}">${body}</${root}>`;
  return `${head}<${root} xmlns="${NS[root]}" xmlns:cac="${NS.cac}" xmlns:cbc="${NS.cbc}">${body}</${root}>`;
}

/** A small valid PDF (what the reader checks is the "%PDF-" header). */
export const tinyPdf = (label = 'x') =>
  new TextEncoder().encode(`%PDF-1.4\n% ${label}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
export const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

export const sample: FixtureInvoice = {
  kind: 'invoice',
  number: 'INV-2026-0001',
  issueDate: '2026-05-04',
  dueDate: '2026-06-03',
  currency: 'EUR',
  supplierName: 'Papelaria São João & Filhos',
  supplierVat: 'BE0403123486',
  endpointId: '0403123486',
  endpointScheme: '0208',
  companyId: '0403.123.486',
  partyIds: ['5412345000013'],
  customerName: 'Acme Belgium NV',
  gross: '1210.50',
  payable: '1200.00',
};
