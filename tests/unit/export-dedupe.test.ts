import { describe, expect, it } from 'vitest';
import { findTwins } from '../../lib/export/audit';
import { csvCell, historyCsv } from '../../lib/export/csv';
import { indexInvoices, pickMatch, sameInvoice } from '../../lib/export/dedupe';
import { newJob } from '../../lib/export/job';
import type { YokoyInvoice } from '../../lib/export/yokoy-invoices';

const doc = { documentId: 'doc-1', invoiceNumber: 'INV-7', issueDate: '2026-09-01', currency: 'EUR', total: 121 };
const inv = (patch: Partial<YokoyInvoice>): YokoyInvoice => ({ id: 'y1', invoiceNumber: 'INV-7', date: '2026-09-01', currency: 'EUR', grossAmount: 121, customInformation: null, ...patch });

describe('duplicate look-up rules', () => {
  it('the tag wins: a tagged invoice is this document whatever its fields say', () => {
    expect(pickMatch([inv({ id: 'a', invoiceNumber: 'OTHER' , customInformation: { banqupDocumentId: 'doc-1' } }), inv({ id: 'b' })], doc)?.id).toBe('a');
  });

  it('else the same number, date, currency and amount', () => {
    expect(sameInvoice(inv({}), doc)).toBe(true);
    expect(sameInvoice(inv({ invoiceNumber: ' INV-7 ' }), doc)).toBe(true);
    expect(sameInvoice(inv({ grossAmount: 121.03 }), doc)).toBe(true); // Yokoy's line rounding
    expect(sameInvoice(inv({ grossAmount: '121' as unknown as number }), doc)).toBe(true); // lenient type
    expect(sameInvoice(inv({ currency: 'eur' }), doc)).toBe(true);
  });

  it.each([
    ['another number', { invoiceNumber: 'INV-8' }],
    ['another date', { date: '2026-09-02' }],
    ['another currency', { currency: 'CHF' }],
    ['another amount', { grossAmount: 150 }],
    ['no number', { invoiceNumber: null }],
  ])('not the same with %s', (_, patch) => {
    expect(sameInvoice(inv(patch as Partial<YokoyInvoice>), doc)).toBe(false);
  });

  it('a number alone is enough when Yokoy knows nothing else', () => {
    expect(sameInvoice(inv({ date: null, currency: null, grossAmount: null }), doc)).toBe(true);
  });

  it('the run index answers by tag, then by facts', () => {
    const index = indexInvoices([inv({ id: 'a' }), inv({ id: 'b', invoiceNumber: 'X', customInformation: { banqupDocumentId: 'doc-2' } })]);
    expect(index.match(doc)?.id).toBe('a');
    expect(index.match({ documentId: 'doc-2' })?.id).toBe('b');
    expect(index.match({ documentId: 'doc-3', invoiceNumber: 'NOPE' })).toBeUndefined();
    index.add(inv({ id: 'c', invoiceNumber: 'NEW' }), 'doc-3');
    expect(index.match({ documentId: 'doc-3' })?.id).toBe('c');
  });
});

describe('run audit', () => {
  const job = { ...newJob({ documentId: 'doc-1', legalEntityId: 'le', source: 'backfill', now: 1 }), state: 'done' as const, yokoyInvoiceId: 'y1', invoiceNumber: 'INV-7', issueDate: '2026-09-01', currency: 'EUR', total: 121 };
  it('finds an untagged twin of an exported document', () => {
    const twins = findTwins([job], [inv({ id: 'y1', customInformation: { banqupDocumentId: 'doc-1' } }), inv({ id: 'y2' })]);
    expect(twins.get(job.id)?.map((i) => i.id)).toEqual(['y2']);
  });
  it('ignores invoices of other documents and twins already marked', () => {
    const twins = findTwins([job], [inv({ id: 'y1' }), inv({ id: 'y3', customInformation: { banqupDocumentId: 'doc-9' } }), inv({ id: 'y4', customInformation: { banqupDuplicateOf: 'doc-1' } })]);
    expect(twins.size).toBe(0);
  });
});

describe('CSV', () => {
  it.each([
    ['=1+1', `"'=1+1"`],
    ['+31 6', `"'+31 6"`],
    ['-5', `"'-5"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tx', `"'\tx"`],
    ['say "hi"', `"say ""hi"""`],
    ['plain', `"plain"`],
    [undefined, `""`],
  ])('neutralises and quotes %j', (input, output) => {
    expect(csvCell(input)).toBe(output);
  });

  it('writes a header and one line per job', () => {
    const csv = historyCsv([{ id: 'x', documentId: 'd', state: 'done', updatedAt: 0, invoiceNumber: '=cmd', attempts: 1 }]);
    const [header, line] = csv.trim().split('\r\n');
    expect(header).toContain('"Invoice number"');
    expect(line).toContain(`"'=cmd"`);
  });
});
