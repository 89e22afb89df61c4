/**
 * The reconcile's matcher: tags first, then the facts Yokoy uses, one-to-one. The examples are
 * the export's collision cases (shared numbers, invoice vs credit note with equal facts,
 * identical documents); the properties run over generated worlds where each document's truth
 * (missing, sent tagged, sent untagged, sent twice) is known, and check what must hold in any
 * of them and that the truth comes out whenever the facts tell the documents apart.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { factsAgree, keyOf, matchDocuments, type BanqupFacts, type Verdict, type YokoyFacts } from '../../lib/reconcile/match';
import { buildReport } from '../../lib/reconcile/report';
import { reconcileCsv } from '../../lib/reconcile/csv';

const doc = (documentId: string, patch: Partial<BanqupFacts> = {}): BanqupFacts => ({
  documentId,
  number: 'INV-1',
  supplier: 'Acme',
  date: '2026-08-10',
  gross: 121,
  currency: 'EUR',
  creditNote: false,
  ...patch,
});
let order = 0;
const inv = (id: string, patch: Partial<YokoyFacts> = {}): YokoyFacts => ({
  id,
  order: order++,
  number: 'INV-1',
  supplier: 'Acme',
  date: '2026-08-10',
  gross: 121,
  currency: 'EUR',
  creditNote: false,
  ...patch,
});

describe('reconcile matcher: examples', () => {
  it('a tag wins over every fact, and a document with no invoice is missing', () => {
    const { verdicts } = matchDocuments([doc('d1'), doc('d2', { number: 'INV-2' })], [inv('y1', { number: 'SOMETHING ELSE', tag: 'd1' })]);
    expect(verdicts).toEqual([{ kind: 'once', how: 'tagged', invoiceId: 'y1' }, { kind: 'missing' }]);
  });

  it('an untagged invoice with the same facts is found (sent by hand or by Banqup’s connector)', () => {
    const { verdicts } = matchDocuments([doc('d1')], [inv('y1', { number: ' INV-1 ', supplier: 'ACME ', gross: 121.03, currency: 'eur' })]);
    expect(verdicts).toEqual([{ kind: 'once', how: 'untagged', invoiceId: 'y1' }]);
  });

  it('a shared number across suppliers is told apart by the supplier (VAT id, else name)', () => {
    const docs = [doc('d1', { supplier: 'A', supplierVatId: 'BE0123' }), doc('d2', { supplier: 'B' })];
    const { verdicts } = matchDocuments(docs, [inv('y2', { supplier: 'b' }), inv('y1', { supplier: 'A SA', supplierVatId: 'BE 0123' })]);
    expect(verdicts).toEqual([
      { kind: 'once', how: 'untagged', invoiceId: 'y1' },
      { kind: 'once', how: 'untagged', invoiceId: 'y2' },
    ]);
  });

  it('an invoice with an unknown supplier is never matched by content', () => {
    const { verdicts } = matchDocuments([doc('d1')], [inv('y1', { supplier: undefined })]);
    expect(verdicts).toEqual([{ kind: 'missing' }]);
  });

  it('an invoice and a credit note with equal facts each get their own', () => {
    const docs = [doc('invoice'), doc('credit', { creditNote: true })];
    const { verdicts } = matchDocuments(docs, [inv('yc', { creditNote: true, gross: -121 })]);
    expect(verdicts).toEqual([{ kind: 'missing' }, { kind: 'once', how: 'untagged', invoiceId: 'yc' }]);
  });

  it('identical documents each get their own invoice, never a shared one', () => {
    const { verdicts } = matchDocuments([doc('d1'), doc('d2'), doc('d3')], [inv('y1'), inv('y2'), inv('y3')]);
    const ids = verdicts.map((v) => (v.kind === 'once' ? v.invoiceId : v.kind));
    expect(new Set(ids)).toEqual(new Set(['y1', 'y2', 'y3']));
  });

  it('identical documents with fewer invoices than documents are ambiguous, not guessed', () => {
    const { verdicts } = matchDocuments([doc('d1'), doc('d2')], [inv('y1')]);
    expect(verdicts).toEqual([
      { kind: 'ambiguous', candidates: ['y1'] },
      { kind: 'ambiguous', candidates: ['y1'] },
    ]);
  });

  it('one document in Yokoy twice: the oldest is kept, the other is the copy to delete', () => {
    const { verdicts } = matchDocuments([doc('d1')], [inv('old'), inv('new')]);
    expect(verdicts).toEqual([{ kind: 'duplicate', keep: 'old', copies: ['new'] }]);
  });

  it('a sent document with an untagged look-alike: the tagged one is kept', () => {
    const { verdicts } = matchDocuments([doc('d1')], [inv('hand'), inv('sent', { tag: 'd1' })]);
    expect(verdicts).toEqual([{ kind: 'duplicate', keep: 'sent', copies: ['hand'] }]);
  });

  it('a twin marked by the run audit is a copy of its document', () => {
    const { verdicts } = matchDocuments([doc('d1')], [inv('sent', { tag: 'd1' }), inv('twin', { number: 'X', twinOf: 'd1' })]);
    expect(verdicts).toEqual([{ kind: 'duplicate', keep: 'sent', copies: ['twin'] }]);
  });

  it('an invoice tagged for another document is never taken, whatever its facts', () => {
    const { verdicts, unmatched } = matchDocuments([doc('d1')], [inv('y1', { tag: 'elsewhere' })]);
    expect(verdicts).toEqual([{ kind: 'missing' }]);
    expect(unmatched).toEqual([{ invoiceId: 'y1', reason: 'tagged-elsewhere' }]);
  });

  it('invoices with no Banqup document are listed apart', () => {
    const { unmatched } = matchDocuments(
      [doc('d1')],
      [inv('y1'), inv('other', { number: 'OTHER' }), inv('nonumber', { number: undefined })],
    );
    expect(unmatched).toEqual([
      { invoiceId: 'other', reason: 'no-document' },
      { invoiceId: 'nonumber', reason: 'no-document' },
    ]);
  });

  it('the report counts per month what the rows say, and the CSV neutralises formulas', () => {
    const docs = [
      doc('d1', { date: '2026-08-02' }),
      doc('d2', { number: 'INV-2', date: '2026-09-03' }),
      doc('d3', { number: '=cmd', date: '2026-09-04' }),
    ];
    const invoices = [
      inv('y1', { date: '2026-08-02' }),
      inv('y2', { number: 'INV-2', date: '2026-09-03' }),
      inv('y3', { number: 'INV-2', date: '2026-09-03' }),
    ];
    const result = matchDocuments(docs, invoices);
    const report = buildReport({
      id: 'reconcile-x',
      legalEntityId: 'le',
      from: '2026-08-01',
      to: '2026-10-31',
      createdAt: 0,
      docs,
      invoices: new Map(invoices.map((i) => [i.id, i])),
      result,
      canSend: true,
    });
    expect(report.months).toEqual([
      { month: '2026-08', inBanqup: 1, inYokoy: 1, missing: 0, duplicated: 0, ambiguous: 0 },
      { month: '2026-09', inBanqup: 2, inYokoy: 1, missing: 1, duplicated: 1, ambiguous: 0 },
      { month: '2026-10', inBanqup: 0, inYokoy: 0, missing: 0, duplicated: 0, ambiguous: 0 },
    ]);
    expect(reconcileCsv(report)).toContain(`"'=cmd"`);
    expect(reconcileCsv(report).split('\r\n').filter(Boolean)).toHaveLength(4);
  });
});

// ---- properties ----------------------------------------------------------------------

type Truth = 'missing' | 'tagged' | 'untagged' | 'twice' | 'taggedPlusCopy';

const factsArb = fc.record({
  number: fc.constantFrom('Snippet1', 'Vat-Z', 'INV-1', 'INV-2'),
  supplier: fc.constantFrom('Acme', 'Beta'),
  date: fc.constantFrom('2026-08-01', '2026-08-02'),
  gross: fc.constantFrom(100, 121, 250),
  currency: fc.constantFrom('EUR', 'CHF'),
  creditNote: fc.boolean(),
});

const worldArb = fc
  .record({
    docs: fc.array(
      fc.record({ facts: factsArb, truth: fc.constantFrom<Truth>('missing', 'tagged', 'untagged', 'twice', 'taggedPlusCopy') }),
      { maxLength: 10 },
    ),
    others: fc.array(fc.record({ facts: factsArb, taggedElsewhere: fc.boolean() }), { maxLength: 4 }),
    jitter: fc.constantFrom(0, 0.02, -0.03),
    seed: fc.integer(),
  })
  .map(({ docs, others, jitter, seed }) => {
    const banqup = docs.map((d, i): BanqupFacts => ({ documentId: `doc-${i}`, ...d.facts }));
    const yokoy: YokoyFacts[] = [];
    let n = 0;
    const copy = (f: BanqupFacts, extra: Partial<YokoyFacts> = {}): YokoyFacts => ({
      id: `y-${n}`,
      order: n++,
      number: f.number,
      supplier: f.supplier,
      date: f.date,
      gross: f.creditNote ? -(f.gross! + jitter) : f.gross! + jitter,
      currency: f.currency,
      creditNote: f.creditNote,
      ...extra,
    });
    docs.forEach((d, i) => {
      const f = banqup[i]!;
      if (d.truth === 'tagged') yokoy.push(copy(f, { tag: f.documentId }));
      if (d.truth === 'untagged') yokoy.push(copy(f));
      if (d.truth === 'twice') yokoy.push(copy(f), copy(f));
      if (d.truth === 'taggedPlusCopy') yokoy.push(copy(f, { tag: f.documentId }), copy(f));
    });
    for (const o of others) yokoy.push(copy({ documentId: 'x', ...o.facts }, o.taggedElsewhere ? { tag: 'not-in-period' } : {}));
    // The listing's order is creation order; shuffle only the array (order numbers stay).
    const shuffled = [...yokoy].sort((a, b) => ((a.order * 7919 + seed) % 101) - ((b.order * 7919 + seed) % 101));
    return { banqup, yokoy: shuffled, truths: docs.map((d) => d.truth), others };
  });

const assigned = (v: Verdict): string[] => (v.kind === 'once' ? [v.invoiceId] : v.kind === 'duplicate' ? [v.keep, ...v.copies] : []);

describe('reconcile matcher: properties', () => {
  it('one verdict per document; no Yokoy invoice given to two documents; every invoice accounted for', () => {
    fc.assert(
      fc.property(worldArb, ({ banqup, yokoy }) => {
        const { verdicts, unmatched } = matchDocuments(banqup, yokoy);
        expect(verdicts).toHaveLength(banqup.length);
        const owners = new Map<string, number>();
        verdicts.forEach((v, i) => {
          for (const id of assigned(v)) {
            expect(owners.has(id), `invoice ${id} given twice`).toBe(false);
            owners.set(id, i);
          }
        });
        const candidates = new Set(verdicts.flatMap((v) => (v.kind === 'ambiguous' ? v.candidates : [])));
        const apart = new Set(unmatched.map((u) => u.invoiceId));
        for (const invoice of yokoy) {
          const places = [owners.has(invoice.id), candidates.has(invoice.id), apart.has(invoice.id)].filter(Boolean).length;
          expect(places, `invoice ${invoice.id}`).toBe(1);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('a tag is identity: a tagged invoice goes to its document and only there; no tag is taken for another', () => {
    fc.assert(
      fc.property(worldArb, ({ banqup, yokoy }) => {
        const { verdicts } = matchDocuments(banqup, yokoy);
        verdicts.forEach((v, i) => {
          const doc = banqup[i]!;
          const mine = yokoy.filter((y) => y.tag === doc.documentId).map((y) => y.id);
          for (const id of mine) expect(assigned(v)).toContain(id);
          for (const id of assigned(v)) {
            const y = yokoy.find((x) => x.id === id)!;
            if (y.tag !== undefined) expect(y.tag).toBe(doc.documentId);
            // Matched by content: every fact both sides know agrees.
            else expect(keyOf(y) === keyOf(doc) && factsAgree(doc, y)).toBe(true);
          }
          if (v.kind === 'ambiguous') expect(mine).toHaveLength(0);
        });
      }),
      { numRuns: 400 },
    );
  });

  it('when the facts tell every document apart, the truth comes out', () => {
    fc.assert(
      fc.property(worldArb, ({ banqup, yokoy, truths, others }) => {
        const key = (f: { number?: string; supplier?: string; date?: string; gross?: number; currency?: string; creditNote?: boolean }) =>
          [f.number, f.supplier, f.date, f.gross, f.currency, f.creditNote].join('|');
        const keys = banqup.map(key);
        fc.pre(new Set(keys).size === keys.length);
        fc.pre(others.every((o) => (!o.taggedElsewhere ? !keys.includes(key(o.facts)) : true)));
        const { verdicts } = matchDocuments(banqup, yokoy);
        verdicts.forEach((v, i) => {
          const truth = truths[i]!;
          const mine = yokoy.filter((y) => y.tag === banqup[i]!.documentId);
          if (truth === 'missing') expect(v).toEqual({ kind: 'missing' });
          if (truth === 'tagged') expect(v).toEqual({ kind: 'once', how: 'tagged', invoiceId: mine[0]!.id });
          if (truth === 'untagged') expect(v).toMatchObject({ kind: 'once', how: 'untagged' });
          if (truth === 'twice') expect(v.kind === 'duplicate' && v.copies.length === 1).toBe(true);
          if (truth === 'taggedPlusCopy') expect(v).toMatchObject({ kind: 'duplicate', keep: mine[0]!.id });
        });
      }),
      { numRuns: 400 },
    );
  });

  it('identical documents sent untagged as many times: each gets its own, whatever the order', () => {
    fc.assert(
      fc.property(factsArb, fc.integer({ min: 1, max: 6 }), fc.integer(), (facts, k, seed) => {
        const docs = Array.from({ length: k }, (_, i): BanqupFacts => ({ documentId: `d${i}`, ...facts }));
        const invoices = Array.from({ length: k }, (_, i): YokoyFacts => ({ id: `y${i}`, order: (i * 31 + seed) % 97, ...facts }));
        const { verdicts } = matchDocuments(docs, invoices);
        expect(verdicts.every((v) => v.kind === 'once' && v.how === 'untagged')).toBe(true);
        expect(new Set(verdicts.flatMap(assigned)).size).toBe(k);
      }),
    );
  });
});
