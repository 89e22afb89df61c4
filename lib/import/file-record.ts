/**
 * What the Import page stores about each dropped file (lib/db/schema.ts's `importFiles`; ./files.ts
 * reads and writes them). Apart from that code so the schema can name it without an import circle.
 */
/** Where the PDF Yokoy gets comes from. */
export type PdfOrigin = 'embedded' | 'sibling' | 'generated' | 'file';

export interface ImportFacts {
  number?: string;
  issueDate?: string;
  currency?: string;
  total?: number;
  supplierName?: string;
  supplierVatId?: string;
  supplierEndpoint?: string;
  /** A UBL CreditNote (Yokoy's `isCreditNote`): part of the facts the matcher compares. */
  creditNote?: boolean;
}

export interface ImportFile {
  /** `file:<sha256>`. */
  id: string;
  dropId: string;
  kind: 'invoice' | 'creditNote' | 'pdf';
  /** The path inside the drop ("archive.zip/2026/INV-1.xml"), for people. */
  name: string;
  /** Key in importBytes of the UBL (e-invoices only). */
  ublKey?: string;
  /** Key in importBytes of the PDF Yokoy gets. */
  pdfKey: string;
  pdfOrigin: PdfOrigin;
  /** The PDF beside the UBL, when that is where the PDF came from. */
  pdfName?: string;
  facts: ImportFacts;
  stagedAt: number;
  /** Set when the user sent the drop: the legal entity its job runs for. */
  legalEntityId?: string;
}
