/**
 * The sandbox's data layer in one import: UBL read/write, invoice PDFs, the deterministic
 * seed (documents and bank statements) and folder import. Node only; shares nothing with
 * the extension.
 */
export { parseUbl, isPdf, MAX_UBL_BYTES, type ParsedUbl, type UblParty, type UblResult, type UblError } from './ubl';
export { writeUbl, xmlEscape, PEPPOL_CUSTOMIZATION_ID, PEPPOL_PROFILE_ID, type UblWriteExtras, type PostalAddress } from './ubl-write';
export { renderInvoicePdf, formatAmount } from './pdf';
export { checkPdfStructure, type PdfCheck } from './pdf-check';
export { seedDocuments, seedBankStatements, type SandboxDocument, type BankStatement } from './seed';
export { importInvoiceFolder, type ImportResult } from './import';
export { computeTotals } from './totals';
export { uuidFromContent, UUID_V4_RE, isValidIban } from './ids';
export { ACME_BE, ACME_PT, SUPPLIERS, type Buyer, type SupplierProfile } from './parties';
