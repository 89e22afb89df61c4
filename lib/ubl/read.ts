/**
 * Reads a Peppol BIS 3 UBL invoice or credit note into the facts an import needs: number,
 * dates, currency, supplier (name and identifiers), gross total, and the PDFs embedded in
 * AdditionalDocumentReference. A real XML parser (fast-xml-parser) reads the document; what it
 * is not asked to do is refused first: a DOCTYPE (entities, external references: Peppol UBL
 * never has one), nesting deeper than any UBL, a file larger than Yokoy would take.
 *
 * Namespace prefixes are dropped (`cbc:ID`, `ID` and `x:ID` read the same); the root's own
 * namespace is checked, so an XML that merely has an `<Invoice>` element is not taken for UBL.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { failed, succeeded, type Result } from '../failures/result';

export const UBL_NS = {
  Invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  CreditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
} as const;

/** Larger than any invoice with its embedded PDF we have seen; Yokoy's own limit is lower. */
export const MAX_UBL_BYTES = 30 * 1024 * 1024;
/** A UBL invoice nests about 8 deep; 64 leaves room for extensions, not for a parser attack. */
export const MAX_DEPTH = 64;

export interface UblSupplier {
  name?: string;
  /** cbc:EndpointID and its schemeID (the Peppol participant id). */
  endpointId?: string;
  endpointScheme?: string;
  /** PartyTaxScheme/CompanyID (VAT number). */
  vatId?: string;
  /** PartyLegalEntity/CompanyID (registration number). */
  companyId?: string;
  /** PartyIdentification/ID values. */
  ids: string[];
  country?: string;
}

export interface EmbeddedPdf {
  fileName?: string;
  bytes: Uint8Array;
}

export interface UblInvoice {
  kind: 'invoice' | 'creditNote';
  number: string;
  issueDate: string;
  dueDate?: string;
  currency: string;
  supplier: UblSupplier;
  customerName?: string;
  /** TaxInclusiveAmount (gross), else PayableAmount. */
  total: number;
  payable?: number;
  embeddedPdfs: EmbeddedPdf[];
  /** File names the document refers to (embedded or external), to pair a sibling PDF. */
  referencedFiles: string[];
}

export type UblProblem =
  | 'not-xml'
  | 'too-large'
  | 'doctype'
  | 'too-deep'
  | 'malformed'
  | 'not-ubl'
  | 'not-an-invoice'
  | 'missing-field'
  | 'bad-field';

export interface UblFailure {
  kind: UblProblem;
  detail?: string;
}
export type UblRead = Result<UblInvoice, UblFailure>;

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  // Amounts and ids stay text: "0012.50" or "1e3" must not be guessed at.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Every element an array, so "one or many" never changes the shape.
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
  // No DOCTYPE gets this far (refused above); these limits are a second fence.
  processEntities: { enabled: true, maxEntityCount: 0, maxTotalExpansions: 10_000_000, maxExpandedLength: MAX_UBL_BYTES },
  // Numeric character references (&#233;) are decoded only with this on.
  htmlEntities: true,
});

const decoder = new TextDecoder('utf-8', { fatal: false });

function kids(node: unknown, name: string): Node[] {
  if (!node || typeof node !== 'object') return [];
  const v = (node as Node)[name];
  return Array.isArray(v) ? v.map((x) => (x && typeof x === 'object' ? (x as Node) : { '#text': x })) : [];
}

function at(node: unknown, ...path: string[]): Node | undefined {
  let cur: unknown = node;
  for (const name of path) {
    cur = kids(cur, name)[0];
    if (!cur) return undefined;
  }
  return cur as Node;
}

function textOf(node: Node | undefined): string | undefined {
  const t = node?.['#text'];
  if (t === undefined || t === null) return undefined;
  const s = String(t).trim();
  return s === '' ? undefined : s;
}

const text = (node: unknown, ...path: string[]) => textOf(at(node, ...path));
const attr = (node: Node | undefined, name: string) => (node?.[`@${name}`] === undefined ? undefined : String(node[`@${name}`]));

/** The deepest element nesting, by a linear scan of tags (no recursion, no parser). */
export function maxDepth(xml: string, stopAt = Infinity): number {
  let depth = 0;
  let deepest = 0;
  const tag = /<(\/?)([^\s/>!?]+)[^>]*?(\/?)>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>/g;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    if (m[2] === undefined) continue;
    if (m[1]) depth--;
    else if (!m[3]) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > stopAt) return deepest;
    }
  }
  return deepest;
}

/** The root element's name, its prefix and the namespace that prefix (or the default) binds. */
function rootOf(xml: string): { local: string; namespace?: string } | undefined {
  const m = /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)((?:\s+[^\s=>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/.exec(
    xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, ''),
  );
  if (!m) return undefined;
  const prefix = m[1]?.slice(0, -1);
  const attrs = m[3] ?? '';
  const want = prefix ? `xmlns:${prefix}` : 'xmlns';
  for (const a of attrs.matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    if (a[1] === want) return { local: m[2]!, namespace: a[2] ?? a[3] };
  }
  return { local: m[2]! };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CURRENCY = /^[A-Z]{3}$/;
const AMOUNT = /^[+-]?\d+(\.\d+)?$/;

function base64Bytes(value: string): Uint8Array | undefined {
  const compact = value.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return undefined;
  try {
    const binary = atob(compact);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

/** Whether bytes are a PDF: "%PDF-" within the first KB (viewers accept a few bytes before it). */
export function isPdf(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 5 <= head.length; i++) {
    if (head[i] === 0x25 && head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) return true;
  }
  return false;
}

function decode(input: string | Uint8Array): { xml: string } | { problem: UblProblem; detail?: string } {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > MAX_UBL_BYTES) return { problem: 'too-large', detail: String(MAX_UBL_BYTES) };
  const xml = (typeof input === 'string' ? input : decoder.decode(input)).replace(/^\uFEFF/, '').trimStart();
  if (!xml.startsWith('<')) return { problem: 'not-xml' };
  return { xml };
}

function readSupplier(party: Node | undefined): UblSupplier {
  const endpoint = at(party, 'EndpointID');
  const ids = kids(party, 'PartyIdentification')
    .map((p) => text(p, 'ID'))
    .filter((v): v is string => !!v);
  return {
    name: text(party, 'PartyName', 'Name') ?? text(party, 'PartyLegalEntity', 'RegistrationName'),
    endpointId: textOf(endpoint),
    endpointScheme: attr(endpoint, 'schemeID'),
    vatId: kids(party, 'PartyTaxScheme')
      .map((p) => text(p, 'CompanyID'))
      .find(Boolean),
    companyId: text(party, 'PartyLegalEntity', 'CompanyID'),
    ids,
    country: text(party, 'PostalAddress', 'Country', 'IdentificationCode'),
  };
}

/** Reads one UBL document. Never throws: every refusal is a problem code a person can act on. */
export function readUbl(input: string | Uint8Array): UblRead {
  const decoded = decode(input);
  if ('problem' in decoded) return failed({ kind: decoded.problem, detail: decoded.detail });
  const { xml } = decoded;
  // Entities (billion laughs, external files) come only with a DOCTYPE; Peppol UBL has none.
  if (/<!DOCTYPE/i.test(xml) || /<!ENTITY/i.test(xml)) return failed({ kind: 'doctype' });
  if (maxDepth(xml, MAX_DEPTH) > MAX_DEPTH) return failed({ kind: 'too-deep', detail: String(MAX_DEPTH) });
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return failed({ kind: 'malformed', detail: `line ${valid.err.line}: ${valid.err.msg}`.slice(0, 200) });

  const root = rootOf(xml);
  if (!root) return failed({ kind: 'malformed' });
  if (root.local !== 'Invoice' && root.local !== 'CreditNote') return failed({ kind: 'not-an-invoice', detail: root.local.slice(0, 60) });
  if (root.namespace !== UBL_NS[root.local]) return failed({ kind: 'not-ubl', detail: (root.namespace ?? '').slice(0, 120) });

  let tree: Node;
  try {
    tree = parser.parse(xml) as Node;
  } catch (error) {
    return failed({ kind: 'malformed', detail: String(error instanceof Error ? error.message : error).slice(0, 200) });
  }
  const doc = at(tree, root.local);
  if (!doc) return failed({ kind: 'malformed' });
  const kind = root.local === 'Invoice' ? 'invoice' : 'creditNote';

  const number = text(doc, 'ID');
  const issueDate = text(doc, 'IssueDate');
  const currency = text(doc, 'DocumentCurrencyCode')?.toUpperCase();
  const totals = at(doc, 'LegalMonetaryTotal');
  const gross = text(totals, 'TaxInclusiveAmount');
  const payable = text(totals, 'PayableAmount');
  const missing = [
    !number && 'ID',
    !issueDate && 'IssueDate',
    !currency && 'DocumentCurrencyCode',
    !gross && !payable && 'LegalMonetaryTotal',
  ].filter(Boolean);
  if (missing.length) return failed({ kind: 'missing-field', detail: missing.join(', ') });
  if (!DATE.test(issueDate!)) return failed({ kind: 'bad-field', detail: `IssueDate ${issueDate!.slice(0, 40)}` });
  if (!CURRENCY.test(currency!)) return failed({ kind: 'bad-field', detail: `DocumentCurrencyCode ${currency!.slice(0, 40)}` });
  const amount = gross ?? payable!;
  if (!AMOUNT.test(amount)) return failed({ kind: 'bad-field', detail: `LegalMonetaryTotal ${amount.slice(0, 40)}` });

  const supplier = readSupplier(at(doc, 'AccountingSupplierParty', 'Party'));
  if (!supplier.name) return failed({ kind: 'missing-field', detail: 'AccountingSupplierParty' });

  const due =
    text(doc, 'DueDate') ??
    kids(doc, 'PaymentMeans')
      .map((p) => text(p, 'PaymentDueDate'))
      .find(Boolean);
  const embeddedPdfs: EmbeddedPdf[] = [];
  const referencedFiles: string[] = [];
  for (const reference of kids(doc, 'AdditionalDocumentReference')) {
    const attachment = at(reference, 'Attachment');
    const binary = at(attachment, 'EmbeddedDocumentBinaryObject');
    const external = text(attachment, 'ExternalReference', 'URI');
    const fileName = attr(binary, 'filename');
    if (fileName) referencedFiles.push(fileName);
    if (external) referencedFiles.push(external.split(/[\\/]/).pop()!);
    if (!binary || attr(binary, 'mimeCode')?.toLowerCase() !== 'application/pdf') continue;
    const bytes = base64Bytes(textOf(binary) ?? '');
    // An attachment that claims to be a PDF and is not is dropped: a rendering stands in.
    if (bytes && isPdf(bytes)) embeddedPdfs.push({ fileName, bytes });
  }

  return succeeded({
    kind,
    number: number!,
    issueDate: issueDate!,
    dueDate: due && DATE.test(due) ? due : undefined,
    currency: currency!,
    supplier,
    customerName:
      text(doc, 'AccountingCustomerParty', 'Party', 'PartyName', 'Name') ??
      text(doc, 'AccountingCustomerParty', 'Party', 'PartyLegalEntity', 'RegistrationName'),
    total: Number(amount),
    payable: payable && AMOUNT.test(payable) ? Number(payable) : undefined,
    embeddedPdfs,
    referencedFiles,
  });
}
