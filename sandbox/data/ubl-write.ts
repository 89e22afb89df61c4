/**
 * UBL writer for the sandbox: turns a `ParsedUbl` (plus optional cosmetic extras such as
 * addresses and an IBAN) into Peppol BIS Billing 3.0 XML — an Invoice (type code 380) or a
 * CreditNote (381), elements in schema order, optionally with the PDF preview embedded.
 * The contract is the round trip: parseUbl(writeUbl(x)) gives x's fields back. Totals are
 * written as given (not recomputed), so callers can also make deliberately wrong documents.
 */
import type { ParsedUbl, UblParty } from './ubl';

export interface PostalAddress {
  street?: string;
  city?: string;
  postalCode?: string;
}

/** What a ParsedUbl does not hold but a realistic e-invoice shows. All optional. */
export interface UblWriteExtras {
  supplierAddress?: PostalAddress;
  customerAddress?: PostalAddress;
  /** The supplier's account the buyer pays into (PaymentMeans/PayeeFinancialAccount). */
  iban?: string;
  /** Structured payment reference, e.g. a Belgian '+++123/4567/89012+++'. */
  paymentReference?: string;
  note?: string;
  paymentTerms?: string;
  /** For a credit note: the invoice it corrects. */
  billingReference?: { id: string; issueDate?: string };
}

export const PEPPOL_CUSTOMIZATION_ID = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
export const PEPPOL_PROFILE_ID = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';

const NS = {
  Invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  CreditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
};

// Peppol EAS codes: the registry number where a country has a usual one, else its VAT scheme.
const ENDPOINT_SCHEME_BY_COUNTRY: Record<string, string> = {
  BE: '0208',
  NL: '0106',
  FR: '0009',
  CH: '0183',
  DK: '0184',
  NO: '0192',
  SE: '0007',
  PT: '9946',
  DE: '9930',
  LU: '9938',
  GB: '9932',
  IT: '0211',
  ES: '9920',
  AT: '9914',
  IE: '9935',
};

// BIS 3.0 wants an exemption reason for every category that is not S, Z or L/M.
const EXEMPTION: Record<string, { code: string; text: string }> = {
  E: { code: 'VATEX-EU-132', text: 'Exempt from VAT' },
  AE: { code: 'VATEX-EU-AE', text: 'Reverse charge' },
  K: { code: 'VATEX-EU-IC', text: 'Intra-community supply' },
  G: { code: 'VATEX-EU-G', text: 'Export outside the EU' },
  O: { code: 'VATEX-EU-O', text: 'Not subject to VAT' },
};

/** XML-escapes text and drops characters XML 1.0 cannot carry at all. */
export function xmlEscape(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

const amount = (n: number): string => (Math.round(n * 100) / 100).toFixed(2);
/** Percents and quantities: as many decimals as needed, none when whole (21, 8.1, 2.5). */
const decimal = (n: number, max = 4): string => String(Number(n.toFixed(max)));

class Xml {
  private out: string[] = [];
  private depth = 0;
  open(tag: string, attrs = ''): this {
    this.out.push(`${'  '.repeat(this.depth)}<${tag}${attrs}>`);
    this.depth++;
    return this;
  }
  close(tag: string): this {
    this.depth--;
    this.out.push(`${'  '.repeat(this.depth)}</${tag}>`);
    return this;
  }
  leaf(tag: string, value: string | undefined, attrs: Record<string, string | undefined> = {}): this {
    if (value === undefined) return this;
    const a = Object.entries(attrs)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => ` ${k}="${xmlEscape(v!)}"`)
      .join('');
    this.out.push(`${'  '.repeat(this.depth)}<${tag}${a}>${xmlEscape(value)}</${tag}>`);
    return this;
  }
  /** Pre-escaped / known-safe content (base64). */
  raw(line: string): this {
    this.out.push(`${'  '.repeat(this.depth)}${line}`);
    return this;
  }
  toString(): string {
    return this.out.join('\n') + '\n';
  }
}

function writeTaxCategory(x: Xml, tag: string, category: string, percent: number | undefined, withReason: boolean): void {
  x.open(`cac:${tag}`).leaf('cbc:ID', category);
  // Category O ("not subject to VAT") must not carry a percent in BIS 3.0.
  if (category !== 'O') x.leaf('cbc:Percent', decimal(percent ?? 0));
  const reason = EXEMPTION[category];
  if (withReason && reason) x.leaf('cbc:TaxExemptionReasonCode', reason.code).leaf('cbc:TaxExemptionReason', reason.text);
  x.open('cac:TaxScheme').leaf('cbc:ID', 'VAT').close('cac:TaxScheme').close(`cac:${tag}`);
}

function writeParty(x: Xml, tag: string, party: UblParty, address: PostalAddress | undefined): void {
  x.open(`cac:${tag}`).open('cac:Party');
  if (party.endpointId) {
    const scheme = party.endpointScheme ?? ENDPOINT_SCHEME_BY_COUNTRY[party.country ?? ''] ?? '0088';
    x.leaf('cbc:EndpointID', party.endpointId, { schemeID: scheme });
  }
  x.open('cac:PartyName').leaf('cbc:Name', party.name).close('cac:PartyName');
  if (party.country || address) {
    x.open('cac:PostalAddress')
      .leaf('cbc:StreetName', address?.street)
      .leaf('cbc:CityName', address?.city)
      .leaf('cbc:PostalZone', address?.postalCode);
    if (party.country) x.open('cac:Country').leaf('cbc:IdentificationCode', party.country).close('cac:Country');
    x.close('cac:PostalAddress');
  }
  if (party.vatId) {
    x.open('cac:PartyTaxScheme')
      .leaf('cbc:CompanyID', party.vatId)
      .open('cac:TaxScheme')
      .leaf('cbc:ID', 'VAT')
      .close('cac:TaxScheme')
      .close('cac:PartyTaxScheme');
  }
  x.open('cac:PartyLegalEntity').leaf('cbc:RegistrationName', party.name).close('cac:PartyLegalEntity');
  x.close('cac:Party').close(`cac:${tag}`);
}

export function writeUbl(doc: ParsedUbl, extras: UblWriteExtras = {}): string {
  const isInvoice = doc.kind === 'invoice';
  const root = isInvoice ? 'Invoice' : 'CreditNote';
  const cur = { currencyID: doc.currency };
  const x = new Xml();
  x.raw('<?xml version="1.0" encoding="UTF-8"?>');
  x.open(root, ` xmlns="${NS[root]}" xmlns:cac="${NS.cac}" xmlns:cbc="${NS.cbc}"`);
  x.leaf('cbc:CustomizationID', PEPPOL_CUSTOMIZATION_ID)
    .leaf('cbc:ProfileID', PEPPOL_PROFILE_ID)
    .leaf('cbc:ID', doc.invoiceNumber)
    .leaf('cbc:IssueDate', doc.issueDate);
  // UBL 2.1 CreditNote has no document-level DueDate: it goes into PaymentMeans below.
  if (isInvoice) x.leaf('cbc:DueDate', doc.dueDate).leaf('cbc:InvoiceTypeCode', '380');
  else x.leaf('cbc:CreditNoteTypeCode', '381');
  x.leaf('cbc:Note', extras.note).leaf('cbc:DocumentCurrencyCode', doc.currency).leaf('cbc:BuyerReference', doc.buyerReference);
  if (doc.orderReference) x.open('cac:OrderReference').leaf('cbc:ID', doc.orderReference).close('cac:OrderReference');
  if (extras.billingReference) {
    x.open('cac:BillingReference')
      .open('cac:InvoiceDocumentReference')
      .leaf('cbc:ID', extras.billingReference.id)
      .leaf('cbc:IssueDate', extras.billingReference.issueDate)
      .close('cac:InvoiceDocumentReference')
      .close('cac:BillingReference');
  }
  if (doc.embeddedPdf) {
    x.open('cac:AdditionalDocumentReference')
      .leaf('cbc:ID', doc.invoiceNumber)
      .leaf('cbc:DocumentDescription', isInvoice ? 'Invoice' : 'Credit note')
      .open('cac:Attachment')
      .raw(
        `<cbc:EmbeddedDocumentBinaryObject mimeCode="application/pdf" filename="${xmlEscape(doc.embeddedPdf.fileName)}">` +
          `${Buffer.from(doc.embeddedPdf.data).toString('base64')}</cbc:EmbeddedDocumentBinaryObject>`,
      )
      .close('cac:Attachment')
      .close('cac:AdditionalDocumentReference');
  }
  writeParty(x, 'AccountingSupplierParty', doc.supplier, extras.supplierAddress);
  writeParty(x, 'AccountingCustomerParty', doc.customer, extras.customerAddress);

  const dueInMeans = !isInvoice && doc.dueDate !== undefined;
  if (extras.iban || dueInMeans) {
    x.open('cac:PaymentMeans').leaf('cbc:PaymentMeansCode', '30');
    if (dueInMeans) x.leaf('cbc:PaymentDueDate', doc.dueDate);
    x.leaf('cbc:PaymentID', extras.paymentReference);
    if (extras.iban) x.open('cac:PayeeFinancialAccount').leaf('cbc:ID', extras.iban).close('cac:PayeeFinancialAccount');
    x.close('cac:PaymentMeans');
  }
  if (extras.paymentTerms) x.open('cac:PaymentTerms').leaf('cbc:Note', extras.paymentTerms).close('cac:PaymentTerms');

  x.open('cac:TaxTotal').leaf('cbc:TaxAmount', amount(doc.totals.vat), cur);
  for (const sub of doc.vatBreakdown) {
    x.open('cac:TaxSubtotal').leaf('cbc:TaxableAmount', amount(sub.taxable), cur).leaf('cbc:TaxAmount', amount(sub.tax), cur);
    writeTaxCategory(x, 'TaxCategory', sub.category, sub.percent, true);
    x.close('cac:TaxSubtotal');
  }
  x.close('cac:TaxTotal');

  // No document-level allowances here, so line total = tax-exclusive total; a payable amount
  // below gross is expressed as a prepaid amount, as BIS rule BR-CO-16 expects.
  const prepaid = Math.round((doc.totals.gross - doc.totals.payable) * 100) / 100;
  x.open('cac:LegalMonetaryTotal')
    .leaf('cbc:LineExtensionAmount', amount(doc.totals.net), cur)
    .leaf('cbc:TaxExclusiveAmount', amount(doc.totals.net), cur)
    .leaf('cbc:TaxInclusiveAmount', amount(doc.totals.gross), cur)
    .leaf('cbc:PrepaidAmount', prepaid !== 0 ? amount(prepaid) : undefined, cur)
    .leaf('cbc:PayableAmount', amount(doc.totals.payable), cur)
    .close('cac:LegalMonetaryTotal');

  const lineTag = isInvoice ? 'cac:InvoiceLine' : 'cac:CreditNoteLine';
  const qtyTag = isInvoice ? 'cbc:InvoicedQuantity' : 'cbc:CreditedQuantity';
  for (const line of doc.lines) {
    x.open(lineTag)
      .leaf('cbc:ID', line.id)
      .leaf(qtyTag, decimal(line.quantity), { unitCode: line.unitCode ?? 'C62' })
      .leaf('cbc:LineExtensionAmount', amount(line.net), cur)
      .open('cac:Item')
      .leaf('cbc:Name', line.description);
    if (line.vatCategory) writeTaxCategory(x, 'ClassifiedTaxCategory', line.vatCategory, line.vatPercent, false);
    x.close('cac:Item');
    const price = line.quantity !== 0 ? line.net / line.quantity : line.net;
    x.open('cac:Price')
      .leaf('cbc:PriceAmount', decimal(Math.abs(price), 4), cur)
      .close('cac:Price');
    x.close(lineTag);
  }
  x.close(root);
  return x.toString();
}
