/**
 * Validation of `POST …/invoices` (JSON) and `PATCH …/invoices/{id}` bodies against the
 * description's Invoice / UpdateInvoice schemas. Errors are `{field, message}` with JSON-path
 * field names (`lineItems[0].gross`), collected rather than stopping at the first, as the
 * HttpValidationError shape (an `errors` array) suggests. Read-only fields (id, status,
 * amounts, …) are ignored on create, as servers usually do with `readOnly` properties.
 */
import { isPdf } from '../data/ubl';
import type { FieldError } from './reply';
import type { YokoyInvoiceLineItem } from './store';

const dateString = /^\d{4}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$/;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface ValidInvoiceInput {
  invoiceNumber: string;
  country: string;
  currency: string | null;
  date: string | null;
  dueDate: string | null;
  supplierId: string | null;
  customInformation: Record<string, unknown> | null;
  documentData: Buffer;
  lineItems: YokoyInvoiceLineItem[];
  extra: Record<string, unknown>;
}

class Checker {
  errors: FieldError[] = [];
  constructor(
    private readonly o: Record<string, unknown>,
    private readonly prefix = '',
  ) {}
  private err(field: string, message: string) {
    this.errors.push({ field: this.prefix + field, message });
  }
  required(field: string): boolean {
    if (this.o[field] === undefined || this.o[field] === null) return (this.err(field, `${field} is mandatory`), false);
    return true;
  }
  string(field: string, opts: { required?: boolean; pattern?: RegExp; patternText?: string } = {}): string | null {
    const v = this.o[field];
    if (v === undefined || v === null) {
      if (opts.required) this.err(field, `${field} is mandatory`);
      return null;
    }
    if (typeof v !== 'string') return (this.err(field, `${field} must be a string`), null);
    if (opts.required && v.trim() === '') return (this.err(field, `${field} is mandatory`), null);
    if (opts.pattern && !opts.pattern.test(v))
      return (this.err(field, `${field} must be ${opts.patternText ?? `in the format ${String(opts.pattern)}`}`), null);
    return v;
  }
  number(field: string, opts: { required?: boolean; min?: number } = {}): number | null {
    const v = this.o[field];
    if (v === undefined || v === null) {
      if (opts.required) this.err(field, `${field} is mandatory`);
      return null;
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) return (this.err(field, `${field} must be a number`), null);
    if (opts.min !== undefined && v < opts.min) return (this.err(field, `${field} must be at least ${opts.min}`), null);
    return v;
  }
  date(field: string) {
    return this.string(field, { pattern: dateString, patternText: 'a date in YYYY-MM-DD format' });
  }
  boolean(field: string) {
    const v = this.o[field];
    if (v !== undefined && v !== null && typeof v !== 'boolean') this.err(field, `${field} must be a boolean`);
  }
  stringArray(field: string) {
    const v = this.o[field];
    if (v !== undefined && v !== null && !(Array.isArray(v) && v.every((s) => typeof s === 'string')))
      this.err(field, `${field} must be an array of strings`);
  }
  object(field: string, valuesMustBeStrings = false): Record<string, unknown> | null {
    const v = this.o[field];
    if (v === undefined || v === null) return null;
    if (!isObject(v)) return (this.err(field, `${field} must be an object`), null);
    if (valuesMustBeStrings)
      for (const [k, value] of Object.entries(v))
        if (value !== null && typeof value !== 'string') this.err(`${field}.${k}`, `${field}.${k} must be a string`);
    return v;
  }
}

const lineIdFields = [
  'categoryId',
  'costObjectId',
  'taxRateId',
  'purchaseOrderId',
  'purchaseOrderItemId',
  'purchaseOrderNumber',
  'goodsReceiptId',
  'goodsReceiptItemId',
  'goodsReceiptNumber',
];

function validateLineItem(raw: unknown, index: number, errors: FieldError[]): YokoyInvoiceLineItem | undefined {
  const prefix = `lineItems[${index}].`;
  if (!isObject(raw)) return (errors.push({ field: `lineItems[${index}]`, message: 'line item must be an object' }), undefined);
  const c = new Checker(raw, prefix);
  const gross = c.number('gross', { required: true, min: 0 });
  const net = c.number('net', { required: true, min: 0 });
  const quantity = c.number('quantity', { min: 0 });
  const itemPrice = c.number('itemPrice', { min: 0 });
  const description = c.string('description');
  const unit = c.string('unit');
  const customInformation = c.object('customInformation');
  c.object('tags', true);
  const extra: Record<string, unknown> = {};
  for (const field of lineIdFields) if (c.string(field) !== null) extra[field] = raw[field];
  for (const field of ['serviceStartDate', 'serviceEndDate']) if (c.date(field) !== null) extra[field] = raw[field];
  if (raw.tags !== undefined) extra.tags = raw.tags;
  if (raw.serviceStartDate && !raw.serviceEndDate) c.required('serviceEndDate');
  errors.push(...c.errors);
  if (c.errors.length || gross === null || net === null) return undefined;
  return { description, quantity, itemPrice, unit, net, gross, customInformation, extra };
}

export function validateCreateInvoice(body: unknown): { ok: true; value: ValidInvoiceInput } | { ok: false; errors: FieldError[] } {
  if (!isObject(body)) return { ok: false, errors: [{ field: 'body', message: 'The request body must be a JSON object' }] };
  const c = new Checker(body);
  const invoiceNumber = c.string('invoiceNumber', { required: true });
  const country = c.string('country', { required: true, pattern: /^([A-Z]{2}|other)$/, patternText: 'an ISO 3166 alpha-2 country code' });
  const currency = c.string('currency', { pattern: /^[A-Z]{3}$/, patternText: 'an ISO 4217 currency code' });
  const date = c.date('date');
  const dueDate = c.date('dueDate');
  const supplierId = c.string('supplierId');
  const customInformation = c.object('customInformation', true);
  let documentData: Buffer | null = null;
  const docText = c.string('documentData', { required: true });
  if (docText !== null) {
    const compact = docText.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1)
      c.errors.push({ field: 'documentData', message: 'documentData must be base64-encoded' });
    else {
      documentData = Buffer.from(compact, 'base64');
      if (!isPdf(documentData))
        c.errors.push({ field: 'documentData', message: 'documentData must be a PDF document' }), (documentData = null);
    }
  }
  // Other writable header fields: checked for type, then passed through to the answer.
  const extra: Record<string, unknown> = {};
  if (c.date('postingDate') !== null) extra.postingDate = body.postingDate;
  c.boolean('paymentBlocked');
  if (typeof body.paymentBlocked === 'boolean') extra.paymentBlocked = body.paymentBlocked;
  if (c.string('paymentTermId') !== null) extra.paymentTermId = body.paymentTermId;
  for (const field of ['purchaseOrderIds', 'submitters']) {
    c.stringArray(field);
    if (Array.isArray(body[field])) extra[field] = body[field];
  }
  if (c.object('paymentInformation') !== null) extra.paymentInformation = body.paymentInformation;
  if (c.object('fxRates') !== null) extra.fxRates = body.fxRates;
  const oneTime = c.object('oneTimeSupplierInfo');
  if (oneTime) {
    const o = new Checker(oneTime, 'oneTimeSupplierInfo.');
    for (const field of ['supplierId', 'supplierName', 'street', 'zipCode', 'city', 'country']) o.string(field, { required: true });
    c.errors.push(...o.errors);
    extra.oneTimeSupplierInfo = oneTime;
  }
  const sd = body.serviceDate;
  if (sd !== undefined && sd !== null) {
    const okSingle = typeof sd === 'string' && dateString.test(sd);
    const okRange = Array.isArray(sd) && sd.length === 2 && sd.every((d) => typeof d === 'string' && dateString.test(d));
    if (!okSingle && !okRange) c.errors.push({ field: 'serviceDate', message: 'serviceDate must be a date or an array of two dates' });
    else extra.serviceDate = sd;
  }
  const lineItems: YokoyInvoiceLineItem[] = [];
  if (c.required('lineItems')) {
    if (!Array.isArray(body.lineItems)) c.errors.push({ field: 'lineItems', message: 'lineItems must be an array' });
    else
      body.lineItems.forEach((raw, i) => {
        const line = validateLineItem(raw, i, c.errors);
        if (line) lineItems.push(line);
      });
  }
  if (c.errors.length || invoiceNumber === null || country === null || documentData === null) return { ok: false, errors: c.errors };
  return {
    ok: true,
    value: { invoiceNumber, country, currency, date, dueDate, supplierId, customInformation, documentData, lineItems, extra },
  };
}

export interface ValidUpdate {
  customInformation?: Record<string, unknown> | null;
  lineItems?: (Record<string, unknown> | null | undefined)[] | null;
}

/** UpdateInvoice: only `customInformation` (header and per line item) may change. */
export function validateUpdateInvoice(
  body: unknown,
  lineCount: number,
): { ok: true; value: ValidUpdate } | { ok: false; errors: FieldError[] } {
  if (!isObject(body)) return { ok: false, errors: [{ field: 'body', message: 'The request body must be a JSON object' }] };
  const errors: FieldError[] = [];
  for (const key of Object.keys(body))
    if (key !== 'customInformation' && key !== 'lineItems')
      errors.push({ field: key, message: `${key} cannot be updated: only custom information fields can be updated` });
  const ci = body.customInformation;
  if (ci !== undefined && ci !== null && !isObject(ci))
    errors.push({ field: 'customInformation', message: 'customInformation must be an object' });
  const lines = body.lineItems;
  const lineUpdates: (Record<string, unknown> | null | undefined)[] = [];
  if (lines !== undefined && lines !== null) {
    if (!Array.isArray(lines)) errors.push({ field: 'lineItems', message: 'lineItems must be an array' });
    else if (lines.length !== lineCount)
      errors.push({ field: 'lineItems', message: `lineItems must contain exactly ${lineCount} items, one per line item of the invoice` });
    else
      lines.forEach((line, i) => {
        if (!isObject(line)) return errors.push({ field: `lineItems[${i}]`, message: 'line item must be an object' });
        for (const key of Object.keys(line))
          if (key !== 'customInformation')
            errors.push({
              field: `lineItems[${i}].${key}`,
              message: `${key} cannot be updated: only custom information fields can be updated`,
            });
        const lci = line.customInformation;
        if (lci !== undefined && lci !== null && !isObject(lci))
          errors.push({ field: `lineItems[${i}].customInformation`, message: 'customInformation must be an object' });
        lineUpdates.push(isObject(lci) ? lci : (lci as null | undefined));
      });
  }
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      customInformation: ci as Record<string, unknown> | null | undefined,
      lineItems: lines === undefined || lines === null ? undefined : lineUpdates,
    },
  };
}

/**
 * UpdateInvoice's merge: "merged with the existing values on a top level", "to reset a specific
 * attribute, set it to null", "Yokoy treats empty values as null".
 */
export function mergeCustomInformation(
  current: Record<string, unknown> | null,
  update: Record<string, unknown> | null | undefined,
): Record<string, unknown> | null {
  if (update === undefined) return current;
  if (update === null) return null;
  const merged: Record<string, unknown> = { ...(current ?? {}) };
  for (const [key, value] of Object.entries(update)) {
    if (value === null || value === '') delete merged[key];
    else merged[key] = value;
  }
  return Object.keys(merged).length ? merged : null;
}
