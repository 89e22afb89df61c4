/**
 * The sandbox's seeded Banqup account: ~46 purchase documents (Peppol UBL with embedded PDF,
 * one UBL without PDF, one PDF-only scan, three credit notes) from twelve suppliers in nine
 * countries and four currencies, three sales invoices, and a few CODA / CAMT.053 bank
 * statements paying the older invoices. Deterministic (seeded PRNG, fixed dates, no clock)
 * and computed once per process.
 */
import { writeCamt053, writeCoda, type StatementEntry, type StatementInput } from './bank-statements';
import { createRng, randomIban, uuidFromRng, type Rng } from './ids';
import { ACME_BE, ACME_PT, SALES_CUSTOMERS, SUPPLIERS, type Buyer, type CatalogItem, type SupplierProfile } from './parties';
import { renderInvoicePdf } from './pdf';
import { computeTotals, round2 } from './totals';
import { parseUbl, type ParsedUbl, type UblParty } from './ubl';
import { writeUbl, type PostalAddress, type UblWriteExtras } from './ubl-write';

export interface SandboxDocument {
  documentId: string; // UUID v4 format, deterministic
  folder: 'PURCHASES' | 'SALES';
  kind: 'invoice' | 'creditNote';
  status: 'received' | 'approved' | 'paid' | 'rejected';
  receivedAt: string; // ISO datetime
  fileName: string; // e.g. 'INV-2026-0001.xml'
  ubl?: string; // absent only for a PDF-only document (not UBL)
  pdf: Buffer; // always present: embedded one or rendered one
  hasEmbeddedPdf: boolean;
  meta: ParsedUbl; // the parsed UBL (for a PDF-only doc, what the PDF shows)
}

export interface BankStatement {
  documentId: string;
  format: 'CODA' | 'CAMT.053';
  fileName: string;
  content: string;
  iban: string;
  date: string;
}

const SEED = 20261101;
/** Documents arrive between these instants (the ~6 months before 2026-11-01). */
const PERIOD_START = Date.UTC(2026, 4, 1, 0, 0, 0); // 2026-05-01
const PERIOD_END = Date.UTC(2026, 9, 31, 23, 0, 0); // 2026-10-31
const DAY = 86_400_000;
/** Status by age: older documents are paid, recent ones approved, the newest just received. */
const PAID_BEFORE = '2026-08-20';
const APPROVED_BEFORE = '2026-10-05';
/** Bank statements end here; no payment is dated later. */
const LAST_PAYMENT_DATE = '2026-09-30';

const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const addDays = (date: string, days: number): string => isoDate(Date.parse(`${date}T00:00:00Z`) + days * DAY);
const fileBase = (invoiceNumber: string): string => invoiceNumber.replace(/[^\w.-]+/g, '-');

/** Purchases per supplier: invoices, credit notes, PDF-only scans. */
const PLAN: Record<string, { invoices: number; creditNotes?: number; pdfOnly?: number }> = {
  liegeoise: { invoices: 5 },
  serenite: { invoices: 5, creditNotes: 1, pdfOnly: 1 },
  assurances: { invoices: 3 },
  menard: { invoices: 3 },
  vandijk: { invoices: 4, creditNotes: 1 },
  papelaria: { invoices: 4 },
  lumiere: { invoices: 4 },
  muller: { invoices: 4, creditNotes: 1 },
  zurcher: { invoices: 3 },
  bronte: { invoices: 2 },
  northwind: { invoices: 3 },
  koenig: { invoices: 2 },
};

interface Job {
  folder: SandboxDocument['folder'];
  supplier?: SupplierProfile; // purchases
  salesCustomer?: (typeof SALES_CUSTOMERS)[number]; // sales
  buyer: Buyer;
  kind: ParsedUbl['kind'];
  pdfOnly: boolean;
  noEmbeddedPdf: boolean;
  manyLines: boolean;
  rejected: boolean;
  receivedMs: number;
}

function makeLines(rng: Rng, catalog: readonly CatalogItem[], count: number): ParsedUbl['lines'] {
  const lines: ParsedUbl['lines'] = [];
  for (let i = 0; i < count; i++) {
    // Walk the catalog from a random start so short invoices vary and long ones repeat items.
    const item = catalog[(i + rng.int(0, catalog.length - 1)) % catalog.length]!;
    const [qMin, qMax, step] = item.qty;
    const quantity = step ? Math.round((qMin + rng.next() * (qMax - qMin)) / step) * step : rng.int(qMin, qMax);
    const [pMin, pMax] = item.price;
    const unitPrice = pMax < 1 ? Math.round((pMin + rng.next() * (pMax - pMin)) * 1000) / 1000 : round2(pMin + rng.next() * (pMax - pMin));
    const line: ParsedUbl['lines'][number] = {
      id: String(i + 1),
      description: item.description,
      quantity,
      unitCode: item.unitCode,
      net: round2(quantity * unitPrice),
      vatCategory: item.vat[0],
    };
    // Category O ("not subject to VAT") carries no rate in BIS 3.0, so the line has none either.
    if (item.vat[0] !== 'O') line.vatPercent = item.vat[1];
    lines.push(line);
  }
  return lines;
}

/** Belgian structured communication: 10 digits + 2 check digits (mod 97, 0 → 97). */
function ogm(rng: Rng): string {
  const base = rng.digits(10);
  const check = Number(BigInt(base) % 97n) || 97;
  const d = `${base}${String(check).padStart(2, '0')}`;
  return `+++${d.slice(0, 3)}/${d.slice(3, 7)}/${d.slice(7)}+++`;
}

interface Built {
  doc: SandboxDocument;
  extras: UblWriteExtras;
}

let documentsCache: Built[] | undefined;

function build(): Built[] {
  const rng = createRng(SEED);
  const idRng = createRng(SEED ^ 0x5eed); // separate stream: ids don't shift when content changes
  const supplierIbans = new Map(SUPPLIERS.map((s, i) => [s.key, randomIban(s.party.country ?? '', createRng(SEED + i))]));

  // 1. The jobs, shuffled, then spread evenly (with jitter) over the period.
  const jobs: Job[] = [];
  const blank = { pdfOnly: false, noEmbeddedPdf: false, manyLines: false, rejected: false, receivedMs: 0 };
  for (const supplier of SUPPLIERS) {
    const plan = PLAN[supplier.key] ?? { invoices: 0 };
    const n = plan.invoices + (plan.creditNotes ?? 0) + (plan.pdfOnly ?? 0);
    for (let i = 0; i < n; i++) jobs.push({ ...blank, folder: 'PURCHASES', supplier, buyer: ACME_BE, kind: 'invoice' });
  }
  for (const salesCustomer of SALES_CUSTOMERS) jobs.push({ ...blank, folder: 'SALES', salesCustomer, buyer: ACME_BE, kind: 'invoice' });
  for (let i = jobs.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [jobs[i], jobs[j]] = [jobs[j]!, jobs[i]!];
  }
  const span = PERIOD_END - PERIOD_START;
  jobs.forEach((job, i) => {
    const dayStart = PERIOD_START + Math.floor(((i + rng.next() * 0.9) * span) / jobs.length / DAY) * DAY;
    job.receivedMs = dayStart + rng.int(7 * 3600, 18 * 3600) * 1000 + rng.int(0, 999);
  });

  // 2. Per supplier, in date order: pick the special cases (stable, human-checkable rules).
  for (const supplier of SUPPLIERS) {
    const own = jobs.filter((j) => j.supplier === supplier);
    const plan = PLAN[supplier.key]!;
    own.slice(own.length - (plan.creditNotes ?? 0)).forEach((j) => (j.kind = 'creditNote'));
    if (plan.pdfOnly) own[2]!.pdfOnly = true;
    if (supplier.key === 'zurcher') own[0]!.noEmbeddedPdf = true; // the one UBL without a PDF
    if (supplier.key === 'muller') own[0]!.manyLines = true; // a two-page preview
    if (supplier.key === 'lumiere') {
      own[1]!.rejected = true;
      own[2]!.buyer = ACME_PT;
    }
    if (supplier.key === 'papelaria') own.forEach((j, i) => (j.buyer = i === 1 ? ACME_BE : ACME_PT));
  }

  // 3. Documents, numbered per supplier in date order.
  const seqs = new Map<string, { inv: number; cn: number }>();
  const lastInvoice = new Map<string, ParsedUbl>();
  let salesSeq = 310;
  const built: Built[] = [];
  for (const job of jobs) {
    const issueDate = addDays(isoDate(job.receivedMs), -rng.int(0, 3));
    const receivedAt = new Date(job.receivedMs).toISOString();
    let supplierParty: UblParty;
    let customerParty: UblParty;
    let supplierAddress: PostalAddress;
    let customerAddress: PostalAddress;
    let currency: string;
    let invoiceNumber: string;
    let lines: ParsedUbl['lines'];
    let paymentDays: number;
    let iban: string | undefined;
    let billingReference: UblWriteExtras['billingReference'];

    if (job.supplier) {
      const s = job.supplier;
      const seq = seqs.get(s.key) ?? { inv: s.firstSeq, cn: 10 + (s.firstSeq % 40) };
      seqs.set(s.key, seq);
      supplierParty = s.party;
      supplierAddress = s.address;
      customerParty = job.buyer.party;
      customerAddress = job.buyer.address;
      currency = s.currency;
      paymentDays = s.paymentDays;
      iban = supplierIbans.get(s.key);
      const previous = lastInvoice.get(s.key);
      if (job.kind === 'creditNote' && previous) {
        // A partial credit of the previous invoice's first line.
        invoiceNumber = s.creditNoteNumber((seq.cn += rng.int(1, 4)));
        const src = previous.lines[0]!;
        const share = rng.pick([0.25, 0.5, 1]);
        lines = [{ ...src, id: '1', description: `${src.description} (credit ${share * 100}%)`, net: round2(src.net * share) }];
        billingReference = { id: previous.invoiceNumber, issueDate: previous.issueDate };
        // Credit notes raised from a PT invoice go to the same buyer.
        customerParty = previous.customer;
        customerAddress = previous.customer.country === 'PT' ? ACME_PT.address : ACME_BE.address;
      } else {
        job.kind = 'invoice';
        invoiceNumber = s.invoiceNumber((seq.inv += rng.int(1, 9)));
        const catalog = job.buyer === ACME_PT && s.catalogPt ? s.catalogPt : s.catalog;
        const count = job.manyLines ? 24 : rng.int(s.linesPerDoc[0], s.linesPerDoc[1]);
        lines = makeLines(rng, catalog, count);
      }
    } else {
      const c = job.salesCustomer!;
      supplierParty = ACME_BE.party;
      supplierAddress = ACME_BE.address;
      customerParty = c.party;
      customerAddress = c.address;
      currency = 'EUR';
      paymentDays = 30;
      iban = ACME_BE.iban;
      invoiceNumber = `ACME-2026-${String((salesSeq += rng.int(3, 20))).padStart(5, '0')}`;
      lines = makeLines(
        rng,
        [
          { description: 'Maintenance contract – quarterly fee', unitCode: 'C62', price: [1800, 2600], qty: [1, 1], vat: c.vat },
          { description: 'On-site intervention (hours)', unitCode: 'HUR', price: [85, 110], qty: [2, 12, 0.5], vat: c.vat },
        ],
        rng.int(1, 2),
      );
    }

    const meta: ParsedUbl = {
      kind: job.kind,
      invoiceNumber,
      issueDate,
      dueDate: addDays(issueDate, paymentDays),
      currency,
      supplier: supplierParty,
      customer: customerParty,
      ...computeTotals(lines),
      lines,
      buyerReference: rng.pick(['ACME-FIN', 'ACME-OPS', 'ACME-MKT', 'ACME-IT']),
    };
    if (rng.next() < 0.5) meta.orderReference = `PO-45000${rng.digits(5)}`;
    if (job.kind === 'invoice' && job.supplier) lastInvoice.set(job.supplier.key, meta);

    const extras: UblWriteExtras = {
      supplierAddress,
      customerAddress,
      paymentTerms: `Payment within ${paymentDays} days`,
      billingReference,
    };
    if (iban) extras.iban = iban;
    if (supplierParty.country === 'BE') extras.paymentReference = ogm(rng);

    const base = fileBase(invoiceNumber);
    const pdf = renderInvoicePdf(meta);
    let doc: SandboxDocument;
    if (job.pdfOnly) {
      doc = {
        documentId: uuidFromRng(idRng),
        folder: job.folder,
        kind: job.kind,
        status: 'received',
        receivedAt,
        fileName: `${base}.pdf`,
        pdf,
        hasEmbeddedPdf: false,
        meta,
      };
    } else {
      const toWrite: ParsedUbl = job.noEmbeddedPdf ? meta : { ...meta, embeddedPdf: { fileName: `${base}.pdf`, data: pdf } };
      const ubl = writeUbl(toWrite, extras);
      const parsed = parseUbl(ubl);
      if (!parsed.ok) throw new Error(`seed bug: ${invoiceNumber} does not parse: ${JSON.stringify(parsed.errors)}`);
      doc = {
        documentId: uuidFromRng(idRng),
        folder: job.folder,
        kind: job.kind,
        status: 'received',
        receivedAt,
        fileName: `${base}.xml`,
        ubl,
        pdf,
        hasEmbeddedPdf: !job.noEmbeddedPdf,
        meta: parsed.invoice,
      };
    }
    const day = receivedAt.slice(0, 10);
    doc.status = job.rejected ? 'rejected' : day < PAID_BEFORE ? 'paid' : day < APPROVED_BEFORE ? 'approved' : 'received';
    built.push({ doc, extras });
  }
  return built.sort((a, b) => a.doc.receivedAt.localeCompare(b.doc.receivedAt));
}

function builtDocuments(): Built[] {
  documentsCache ??= build();
  return documentsCache;
}

/**
 * All seeded documents (purchases and a few sales), oldest first. Each call returns fresh
 * top-level objects, so a store may change `status` without touching the cache; `meta`,
 * `pdf` and `ubl` are shared and must be treated as read-only.
 */
export function seedDocuments(): SandboxDocument[] {
  return builtDocuments().map(({ doc }) => ({ ...doc }));
}

// ------------------------------------------------------------------------ bank statements

const BIC_BY_COUNTRY: Record<string, string> = {
  BE: 'GEBABEBB',
  NL: 'INGBNL2A',
  PT: 'CGDIPTPL',
  FR: 'BNPAFRPP',
  DE: 'DEUTDEFF',
  CH: 'UBSWCHZH80A',
  LU: 'BCEELULL',
  GB: 'NWBKGB2L',
};

let statementsCache: BankStatement[] | undefined;

/** When a paid document left (or, for a credit note, came back to) the account. */
function paymentDate(doc: SandboxDocument, rng: Rng): string {
  const due = doc.meta.dueDate ?? addDays(doc.meta.issueDate, 30);
  const planned = addDays(due, -rng.int(0, 6));
  const received = doc.receivedAt.slice(0, 10);
  const d = planned < received ? received : planned;
  return d > LAST_PAYMENT_DATE ? LAST_PAYMENT_DATE : d;
}

function buildStatements(): BankStatement[] {
  const rng = createRng(SEED ^ 0xba4c);
  const built = builtDocuments();
  const entriesFor = (buyer: Buyer): StatementEntry[] => {
    const out: StatementEntry[] = [];
    for (const { doc, extras } of built) {
      if (doc.status !== 'paid' || doc.meta.currency !== 'EUR') continue;
      const isPurchase = doc.folder === 'PURCHASES';
      const ours = isPurchase ? doc.meta.customer.name === buyer.party.name : doc.meta.supplier.name === buyer.party.name;
      if (!ours) continue;
      const counterparty = isPurchase ? doc.meta.supplier : doc.meta.customer;
      // Purchases: money out (credit notes refunded: in). Sales: money in.
      const sign = (isPurchase ? -1 : 1) * (doc.kind === 'creditNote' ? -1 : 1);
      const entry: StatementEntry = {
        amount: sign * doc.meta.totals.payable,
        valueDate: paymentDate(doc, rng),
        counterpartyName: counterparty.name,
        communication: extras.paymentReference ?? doc.meta.invoiceNumber,
        bankReference: `${rng.digits(4)}${String.fromCharCode(65 + rng.int(0, 25))}${rng.digits(6)}BKTUBEBB`,
      };
      if (isPurchase && extras.iban) entry.counterpartyIban = extras.iban;
      const bic = BIC_BY_COUNTRY[counterparty.country ?? ''];
      if (bic) entry.counterpartyBic = bic;
      out.push(entry);
    }
    return out.sort((a, b) => a.valueDate.localeCompare(b.valueDate));
  };

  // Acme Belgium: monthly statements, May–July as CODA, August–September as CAMT.053.
  // Acme Portugal: one CAMT.053 for the whole period.
  const months: { from: string; to: string; format: BankStatement['format'] }[] = [
    { from: '2026-05-01', to: '2026-05-31', format: 'CODA' },
    { from: '2026-06-01', to: '2026-06-30', format: 'CODA' },
    { from: '2026-07-01', to: '2026-07-31', format: 'CODA' },
    { from: '2026-08-01', to: '2026-08-31', format: 'CAMT.053' },
    { from: '2026-09-01', to: '2026-09-30', format: 'CAMT.053' },
  ];
  const statements: BankStatement[] = [];
  type Payer = { name: string; bic: string; communication: () => string };
  const make = (
    buyer: Buyer,
    bic: string,
    companyId: string,
    payer: Payer,
    periods: typeof months,
    opening: number,
    firstSeq: number,
  ): void => {
    const all = entriesFor(buyer);
    let balance = opening;
    periods.forEach((p, i) => {
      const entries = all.filter((e) => e.valueDate >= p.from && e.valueDate <= p.to);
      // A customer payment mid-month keeps the account plausible (and never empty).
      entries.push({
        amount: round2(8000 + rng.next() * 12000),
        valueDate: addDays(p.from, 14),
        counterpartyName: payer.name,
        counterpartyBic: payer.bic,
        communication: payer.communication(),
        bankReference: `${rng.digits(4)}C${rng.digits(6)}BKTUBEBB`,
      });
      entries.sort((a, b) => a.valueDate.localeCompare(b.valueDate));
      const input: StatementInput = {
        holderName: buyer.party.name,
        iban: buyer.iban,
        bic,
        currency: 'EUR',
        date: p.to,
        fromDate: p.from,
        sequence: firstSeq + i,
        openingBalance: balance,
        entries,
        companyId,
      };
      balance = round2(balance + entries.reduce((t, e) => t + e.amount, 0));
      const compactDate = p.to.replace(/-/g, '');
      statements.push({
        documentId: uuidFromRng(rng),
        format: p.format,
        fileName: p.format === 'CODA' ? `CODA_${buyer.iban}_${compactDate}.cod` : `CAMT053_${buyer.iban}_${compactDate}.xml`,
        content: p.format === 'CODA' ? writeCoda(input) : writeCamt053(input),
        iban: buyer.iban,
        date: p.to,
      });
    });
  };
  const hotel: Payer = { name: 'Hôtel Beau-Séjour SA', bic: 'GEBABEBB', communication: () => ogm(rng) };
  const clinic: Payer = { name: 'Clínica Sorriso Lda', bic: 'CGDIPTPL', communication: () => `Fatura FT A/${rng.int(100, 999)}` };
  make(ACME_BE, 'BBRUBEBB', ACME_BE.party.endpointId ?? '', hotel, months, 48_250, 41);
  make(ACME_PT, 'CGDIPTPL', '', clinic, [{ from: '2026-05-01', to: '2026-09-30', format: 'CAMT.053' }], 21_730.5, 7);
  return statements;
}

/** A few CODA and CAMT.053 statements of the Acme accounts (oldest first per account). */
export function seedBankStatements(): BankStatement[] {
  statementsCache ??= buildStatements();
  return statementsCache.map((s) => ({ ...s }));
}
