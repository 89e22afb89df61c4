import { describe, expect, it } from 'vitest';
import { findPdfTwins, findTwins } from '../../lib/export/audit';
import { csvCell, historyCsv } from '../../lib/export/csv';
import { openCompanionDB } from '../../lib/db/schema';
import { bucketKey, pickMatch, sameFacts, type DocumentFacts, type InvoiceFacts } from '../../lib/export/dedupe';
import { newJob, withFacts, type Job } from '../../lib/export/job';
import { createYokoyIndex, idbIndexPersistence, type IndexPersistence } from '../../lib/export/yokoy-index';
import type { InvoiceApi, YokoyInvoice } from '../../lib/export/yokoy-invoices';

const doc: DocumentFacts = {
  documentId: 'doc-1',
  invoiceNumber: 'INV-7',
  issueDate: '2026-09-01',
  currency: 'EUR',
  total: 121,
  supplierName: 'Imprimerie SA',
  supplierVatId: 'BE0123456789',
  creditNote: false,
};
const facts = (patch: Partial<InvoiceFacts> = {}): InvoiceFacts => ({
  invoiceNumber: 'INV-7',
  date: '2026-09-01',
  currency: 'EUR',
  gross: 121,
  creditNote: false,
  supplierName: 'Imprimerie SA',
  supplierVatId: 'BE 0123.456.789',
  ...patch,
});

describe('the same document by its facts (what Yokoy flags duplicates by, plus the type)', () => {
  it('same supplier, number, date, gross total, currency and type', () => {
    expect(sameFacts(doc, facts())).toBe(true);
    expect(sameFacts(doc, facts({ invoiceNumber: ' INV-7 ' }))).toBe(true);
    expect(sameFacts(doc, facts({ gross: 121.03 }))).toBe(true); // Yokoy's line rounding
    expect(sameFacts(doc, facts({ currency: 'eur' }))).toBe(true);
    expect(sameFacts(doc, facts({ supplierVatId: undefined, supplierName: 'imprimerie sa' }))).toBe(true);
  });

  it.each([
    ['another number', { invoiceNumber: 'INV-8' }],
    ['another date', { date: '2026-09-02' }],
    ['another currency', { currency: 'CHF' }],
    ['another amount', { gross: 150 }],
    ['no number', { invoiceNumber: undefined }],
    ['another supplier (same number: numbers are per supplier)', { supplierVatId: 'NL812345678B01', supplierName: 'Other BV' }],
    ['an unknown supplier', { supplierVatId: undefined, supplierName: undefined }],
    ['a credit note with the same number, date and amount', { creditNote: true }],
  ])('not the same with %s', (_, patch) => {
    expect(sameFacts(doc, facts(patch as Partial<InvoiceFacts>))).toBe(false);
  });

  it('bucket keys tell invoices and credit notes apart', () => {
    expect(bucketKey({ ...doc, creditNote: true })).not.toBe(bucketKey(doc));
    expect(bucketKey({ currency: 'EUR' })).toBeUndefined();
  });
});

describe('pickMatch: identity first, then one-to-one', () => {
  it('the tag wins whatever the candidates', () => {
    expect(pickMatch([{ id: 'a' }], [{ id: 'b' }, { id: 'c' }], 1)).toEqual({ kind: 'tagged', invoiceId: 'a' });
  });
  it('no candidate: none', () => {
    expect(pickMatch([], [], 3)).toEqual({ kind: 'none' });
  });
  it('as many candidates as documents or fewer: the oldest candidate', () => {
    expect(pickMatch([], [{ id: 'b' }], 1)).toEqual({ kind: 'content', invoiceId: 'b' });
    expect(pickMatch([], [{ id: 'b' }, { id: 'c' }], 2)).toEqual({ kind: 'content', invoiceId: 'b' });
  });
  it('more untagged copies than documents: ambiguous, never guessed', () => {
    expect(pickMatch([], [{ id: 'b' }, { id: 'c' }], 1)).toEqual({ kind: 'ambiguous', invoiceIds: ['b', 'c'] });
  });
});

/** A fake of the invoice calls the index makes: list with the lastModified filter, suppliers. */
function fakeApi(invoices: YokoyInvoice[]) {
  const filters: (string | undefined)[] = [];
  const api = {
    async find(_le: string, filter: string | undefined) {
      filters.push(filter);
      const since = filter ? /lastModified ge "(.*)"/.exec(filter)?.[1] : undefined;
      return { ok: true as const, value: invoices.filter((i) => !since || (i.lastModified ?? '') >= since) };
    },
    async suppliers() {
      return { ok: true as const, value: [{ id: 'sup-1', name: 'Imprimerie SA', taxNumber: 'BE0123456789' }] };
    },
  } as unknown as InvoiceApi;
  return { api, filters };
}
const yinv = (id: string, patch: Partial<YokoyInvoice> = {}): YokoyInvoice => ({
  id,
  invoiceNumber: 'INV-7',
  date: '2026-09-01',
  currency: 'EUR',
  grossAmount: 121,
  isCreditNote: false,
  supplierId: 'sup-1',
  customInformation: null,
  created: '2026-09-01T10:00:00.000Z',
  lastModified: '2026-09-01T10:00:00.000Z',
  ...patch,
});

describe('Yokoy invoice index', () => {
  it('answers by tag and by facts, untagged and unmarked only', async () => {
    const { api } = fakeApi([
      yinv('a'),
      yinv('b', { customInformation: { banqupDocumentId: 'doc-2' } }),
      yinv('c', { customInformation: { banqupDuplicateOf: 'doc-9' } }),
    ]);
    const index = createYokoyIndex({ invoices: api });
    const entity = await index.entity('le');
    if (!entity.ok) throw new Error('no index');
    expect(entity.value.tagged('doc-2').map((i) => i.id)).toEqual(['b']);
    expect(entity.value.untaggedLike(doc).map((i) => i.id)).toEqual(['a']);
    expect(entity.value.untaggedLike(doc, Date.parse('2026-09-01T11:00:00Z'))).toEqual([]);
    expect(entity.value.untaggedLike({ ...doc, creditNote: true })).toEqual([]);
  });

  it('is persisted, and refreshed with only what changed since the newest lastModified seen', async () => {
    const invoices = [yinv('a'), yinv('b', { lastModified: '2026-09-02T00:00:00.000Z' })];
    const { api, filters } = fakeApi(invoices);
    const db = openCompanionDB(`index-${Math.random()}`);
    const persistence = idbIndexPersistence(() => db);
    const first = await createYokoyIndex({ invoices: api, persistence }).entity('le');
    expect(first.ok && first.value.size()).toBe(2);
    expect(filters).toEqual([undefined]);

    // Tagged in Yokoy meanwhile; a new worker life reads the rest from IndexedDB.
    invoices[0] = yinv('a', { customInformation: { banqupDocumentId: 'doc-1' }, lastModified: '2026-09-03T00:00:00.000Z' });
    const second = await createYokoyIndex({ invoices: api, persistence }).entity('le');
    if (!second.ok) throw new Error('no index');
    expect(filters[1]).toBe('lastModified ge "2026-09-02T00:00:00.000Z"');
    expect(second.value.size()).toBe(2);
    expect(second.value.tagged('doc-1').map((i) => i.id)).toEqual(['a']);
    expect(second.value.untaggedLike(doc).map((i) => i.id)).toEqual(['b']);
  });
});

describe('Yokoy invoice index: invoices deleted in Yokoy', () => {
  it('forgets them at a full listing, keeps what was written while it listed, and a new worker life reads neither back', async () => {
    const invoices = [yinv('a', { customInformation: { banqupDocumentId: 'doc-a' } }), yinv('b', { invoiceNumber: 'INV-8' })];
    const { api, filters } = fakeApi(invoices);
    const db = openCompanionDB(`index-${Math.random()}`);
    const persistence = idbIndexPersistence(() => db);
    const entity = await createYokoyIndex({ invoices: api, persistence }).entity('le');
    if (!entity.ok) throw new Error('no index');
    expect(entity.value.size()).toBe(2);

    // Deleted in Yokoy: what changed since the watermark never says so.
    invoices.splice(1, 1);
    await entity.value.refresh();
    expect(entity.value.get('b')).toBeDefined();

    const resynced = entity.value.resync();
    // An upload answered while the full listing pages: newer than what it read.
    entity.value.record(yinv('c', { invoiceNumber: 'INV-9' }));
    const answer = await resynced;
    expect(answer).toEqual({ ok: true, value: 1 });
    expect(filters.at(-1)).toBeUndefined(); // the whole legal entity
    expect(entity.value.get('b')).toBeUndefined();
    expect(entity.value.like({ ...doc, invoiceNumber: 'INV-8' })).toEqual([]);
    expect(entity.value.tagged('doc-a').map((i) => i.id)).toEqual(['a']);
    expect(entity.value.get('c')).toBeDefined();

    const next = await createYokoyIndex({ invoices: api, persistence }).entity('le');
    if (!next.ok) throw new Error('no index');
    expect([...next.value.all()].map((i) => i.id).sort()).toEqual(['a', 'c']);
    // The watermark stayed the incremental refreshes': the next one asks from there, not from the start.
    expect(filters.at(-1)).toBe('lastModified ge "2026-09-01T10:00:00.000Z"');
  });

  it('lists in full at most once per period, the first listing counting as one', async () => {
    let clock = Date.parse('2026-12-01T00:00:00Z');
    const { api, filters } = fakeApi([yinv('a')]);
    const week = 7 * 86_400_000;
    const entity = await createYokoyIndex({ invoices: api, now: () => clock }).entity('le');
    if (!entity.ok) throw new Error('no index');
    expect(filters).toEqual([undefined]);
    expect(await entity.value.resync(week)).toEqual({ ok: true, value: 0 });
    expect(filters).toEqual([undefined]); // listed in full a moment ago: nothing asked
    clock += week + 1;
    await entity.value.resync(week);
    expect(filters).toEqual([undefined, undefined]);
  });
});

describe('Yokoy invoice index saves', () => {
  it('gathers what an export records into one save, one save at a time, and loses nothing', async () => {
    const { api } = fakeApi([yinv('a', { lastModified: '2026-09-02T00:00:00.000Z' })]);
    const db = openCompanionDB(`index-${Math.random()}`);
    const persistence = idbIndexPersistence(() => db);
    const saves: string[][] = [];
    let saved = 0;
    let release: () => void = () => undefined;
    let holding = true;
    const held: IndexPersistence = {
      ...persistence,
      save: async (invoices, sync) => {
        saves.push(invoices.map((i) => i.id));
        if (holding) await new Promise<void>((resolve) => (release = resolve));
        await persistence.save(invoices, sync);
        saved++;
      },
    };
    holding = false;
    const entity = await createYokoyIndex({ invoices: api, persistence: held }).entity('le');
    if (!entity.ok) throw new Error('no index');
    saves.length = 0;
    saved = 0;
    holding = true;
    // An export records uploads and a tag: nothing is written per call...
    entity.value.record(yinv('b'));
    entity.value.record(yinv('c'));
    entity.value.noteTag('b', 'banqupDocumentId', 'doc-b');
    entity.value.record(yinv('d'));
    expect(saves).toEqual([]);
    // ...but once, a moment later; what comes while that save is under way goes in the next.
    while (!saves.length) await new Promise((r) => setTimeout(r, 5));
    entity.value.record(yinv('e'));
    entity.value.record(yinv('f'));
    holding = false;
    release();
    while (saved < 2) await new Promise((r) => setTimeout(r, 5));
    expect(saves).toEqual([
      ['b', 'c', 'd'],
      ['e', 'f'],
    ]);
    // All of it is there for the next worker life, the tag included.
    const next = await createYokoyIndex({ invoices: api, persistence }).entity('le');
    if (!next.ok) throw new Error('no index');
    expect([...next.value.all()].map((i) => i.id).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(next.value.tagged('doc-b').map((i) => i.id)).toEqual(['b']);
  });
});

describe('Yokoy invoice index read back on a cold worker', () => {
  /** An index built in an earlier worker life; the next life's read-back is held until Yokoy was asked (or 50 turns). */
  async function earlierLife() {
    const invoices = [yinv('a', { lastModified: '2026-09-02T00:00:00.000Z' })];
    const { api, filters } = fakeApi(invoices);
    const db = openCompanionDB(`index-${Math.random()}`);
    const persistence = idbIndexPersistence(() => db);
    await createYokoyIndex({ invoices: api, persistence }).entity('le');
    filters.length = 0;
    const seen = { listedDuringLoad: false };
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const held: IndexPersistence = {
      ...persistence,
      load: async (le) => {
        for (let turn = 0; turn < 50 && !filters.length; turn++) await new Promise((r) => setTimeout(r, 0));
        seen.listedDuringLoad = filters.length > 0;
        await gate;
        return persistence.load(le);
      },
    };
    return { api, filters, held, seen, release };
  }

  it('asks Yokoy what changed while the index is read back, and lists once', async () => {
    const { api, filters, held, seen, release } = await earlierLife();
    const index = createYokoyIndex({ invoices: api, persistence: held });
    const entity = index.entity('le');
    release();
    const answer = await entity;
    expect(seen.listedDuringLoad).toBe(true);
    expect(filters).toEqual(['lastModified ge "2026-09-02T00:00:00.000Z"']);
    expect(answer.ok && answer.value.size()).toBe(1);
  });

  it('lists again when the index was marked stale after that early listing was asked, at once, beside the read-back', async () => {
    const { api, filters, held, release } = await earlierLife();
    const index = createYokoyIndex({ invoices: api, persistence: held });
    const first = index.entity('le');
    while (!filters.length) await new Promise((r) => setTimeout(r, 0));
    index.markStale('le'); // a new run starts: what reached Yokoy since must be seen
    // Asked now, while the index is still being read back (held), not after it.
    expect(filters).toHaveLength(2);
    const start = index.entity('le');
    release();
    await Promise.all([first, start]);
    expect(filters).toHaveLength(2);
  });
});

describe('Yokoy invoice index under concurrency', () => {
  /** A Yokoy whose listing answers when the test says, as it stood when it was asked. */
  function slowApi(invoices: YokoyInvoice[]) {
    const pending: (() => void)[] = [];
    const api = {
      async find() {
        const snapshot = invoices.map((i) => ({ ...i }));
        await new Promise<void>((resolve) => pending.push(resolve));
        return { ok: true as const, value: snapshot };
      },
      async suppliers() {
        return { ok: true as const, value: [{ id: 'sup-1', name: 'Imprimerie SA', taxNumber: 'BE0123456789' }] };
      },
    } as unknown as InvoiceApi;
    const answerNext = async () => {
      while (!pending.length) await new Promise((r) => setTimeout(r, 0));
      pending.shift()!();
    };
    return { api, answerNext };
  }
  /** An index whose first listing is done; later listings wait for `answerNext`. */
  async function loaded(invoices: YokoyInvoice[]) {
    const { api, answerNext } = slowApi(invoices);
    const first = createYokoyIndex({ invoices: api }).entity('le');
    await answerNext();
    const entity = await first;
    if (!entity.ok) throw new Error('no index');
    return { entity, answerNext };
  }

  it('a refresh asked while one is under way sees what was created after that one started', async () => {
    const invoices = [yinv('a')];
    const { entity, answerNext } = await loaded(invoices);
    const early = entity.value.refresh(); // lists before 'b' exists
    invoices.push(yinv('b', { created: '2026-09-01T10:05:00.000Z', lastModified: '2026-09-01T10:05:00.000Z' }));
    const late = entity.value.refresh(); // asked after 'b' was created
    await answerNext();
    await early;
    expect(entity.value.get('b')).toBeUndefined();
    await answerNext();
    await late;
    expect(entity.value.get('b')?.id).toBe('b');
  });

  it('a listing read before a tag was written does not undo the tag noted since', async () => {
    const invoices = [yinv('a')];
    const { entity, answerNext } = await loaded(invoices);
    const stale = entity.value.refresh();
    entity.value.noteTag('a', 'banqupDocumentId', 'doc-1');
    await answerNext();
    await stale;
    expect(entity.value.tagged('doc-1').map((i) => i.id)).toEqual(['a']);
    expect(entity.value.untaggedLike(doc)).toEqual([]);
  });
});

describe('run audit', () => {
  const base = {
    ...newJob({ documentId: 'doc-1', legalEntityId: 'le', source: 'backfill', now: 1 }),
    state: 'done' as const,
    yokoyInvoiceId: 'y1',
  };
  const job = (patch: Partial<Job> = {}) => withFacts({ ...base, ...patch }, doc);
  const indexOf = async (invoices: YokoyInvoice[]) => {
    const entity = await createYokoyIndex({ invoices: fakeApi(invoices).api }).entity('le');
    if (!entity.ok) throw new Error('no index');
    return entity.value;
  };
  const uploaded = Date.parse('2026-09-01T09:59:00Z');

  it('one upload, two invoices: the browser resent it', async () => {
    const index = await indexOf([yinv('y1', { customInformation: { banqupDocumentId: 'doc-1' } }), yinv('y2')]);
    const twins = findTwins([job({ firstUploadAt: uploaded, uploadAttempts: 1 })], index);
    expect(twins.get(base.id)).toMatchObject({ cause: 'resent', twins: [{ id: 'y2' }] });
  });

  it('two uploads of one document: said so, not "the connection dropped"', async () => {
    const index = await indexOf([yinv('y1', { customInformation: { banqupDocumentId: 'doc-1' } }), yinv('y2')]);
    expect(findTwins([job({ firstUploadAt: uploaded, uploadAttempts: 2 })], index).get(base.id)?.cause).toBe('two-uploads');
  });

  it('an untagged invoice older than the first upload, another document’s, or one already marked is no twin', async () => {
    const index = await indexOf([
      yinv('y1'),
      yinv('y0', { created: '2026-01-01T00:00:00.000Z' }),
      yinv('y3', { customInformation: { banqupDocumentId: 'doc-9' } }),
      yinv('y4', { customInformation: { banqupDuplicateOf: 'doc-1' } }),
    ]);
    expect(findTwins([job({ firstUploadAt: uploaded + 120_000, uploadAttempts: 1 })], index).size).toBe(0);
  });

  it('identical documents each own their invoice: no twins', async () => {
    const index = await indexOf([
      yinv('y1', { customInformation: { banqupDocumentId: 'doc-1' } }),
      yinv('y2', { customInformation: { banqupDocumentId: 'doc-2' } }),
    ]);
    const other = withFacts(
      {
        ...newJob({ documentId: 'doc-2', legalEntityId: 'le', source: 'backfill', now: 1 }),
        state: 'done',
        yokoyInvoiceId: 'y2',
        firstUploadAt: uploaded,
        uploadAttempts: 1,
      },
      doc,
    );
    expect(findTwins([job({ firstUploadAt: uploaded, uploadAttempts: 1 }), other], index).size).toBe(0);
  });

  describe('a PDF-only document (no number: found by its PDF)', () => {
    const pdfJob = (patch: Partial<Job> = {}): Job => ({ ...base, firstUploadAt: uploaded, uploadAttempts: 1, ...patch });
    const bare = (id: string, patch: Partial<YokoyInvoice> = {}) =>
      yinv(id, { invoiceNumber: null, date: null, grossAmount: null, supplierId: null, ...patch } as Partial<YokoyInvoice>);
    const bytes = (s: string) => new TextEncoder().encode(s);
    const readers = (docs: Record<string, string>, stored: Record<string, string>) => {
      const reads: string[] = [];
      return {
        reads,
        read: {
          async document(id: string) {
            reads.push(`doc:${id}`);
            return docs[id] === undefined ? undefined : bytes(docs[id]!);
          },
          async invoice(id: string) {
            reads.push(`inv:${id}`);
            return stored[id] === undefined ? undefined : bytes(stored[id]!);
          },
        },
      };
    };

    it('an untagged invoice with the same PDF, created since the upload, is its twin (resent)', async () => {
      const index = await indexOf([bare('y1', { customInformation: { banqupDocumentId: 'doc-1' } }), bare('y2'), bare('y3')]);
      const { read } = readers({ 'doc-1': '%PDF one' }, { y2: '%PDF one', y3: '%PDF another' });
      const twins = await findPdfTwins([pdfJob()], index, new Map(), read);
      expect(twins.get(base.id)).toMatchObject({ cause: 'resent', twins: [{ id: 'y2' }] });
    });

    it('another PDF, an older invoice, an owned one or one already found is no twin; nothing read without a candidate', async () => {
      const index = await indexOf([
        bare('y1', { customInformation: { banqupDocumentId: 'doc-1' } }),
        bare('y0', { created: '2026-01-01T00:00:00.000Z' }),
        bare('y5', { customInformation: { banqupDuplicateOf: 'doc-1' } }),
      ]);
      const { read, reads } = readers({ 'doc-1': '%PDF one' }, { y0: '%PDF one', y5: '%PDF one' });
      expect((await findPdfTwins([pdfJob()], index, new Map(), read)).size).toBe(0);
      expect(reads).toEqual([]);

      const more = await indexOf([bare('y1'), bare('y2'), bare('y6')]);
      const known = new Map([['other', { twins: [more.get('y6')!], cause: 'resent' as const }]]);
      const other = { ...pdfJob(), id: 'j2', documentId: 'doc-2', yokoyInvoiceId: 'y2' };
      const r = readers({ 'doc-1': '%PDF one', 'doc-2': '%PDF two' }, { y6: '%PDF one' });
      expect((await findPdfTwins([pdfJob(), other], more, known, r.read)).size).toBe(0);
      expect(r.reads).toEqual([]);
    });

    it('a number from Banqup’s listing does not hide a PDF-only upload’s twin (Yokoy’s copies have none)', async () => {
      const index = await indexOf([bare('y1', { customInformation: { banqupDocumentId: 'doc-1' } }), bare('y2')]);
      const { read } = readers({ 'doc-1': '%PDF one' }, { y2: '%PDF one' });
      const numbered = withFacts(pdfJob(), doc);
      expect(findTwins([numbered], index).size).toBe(0);
      expect((await findPdfTwins([numbered], index, new Map(), read)).get(base.id)?.twins.map((t) => t.id)).toEqual(['y2']);
    });

    it('reads each PDF once, however many jobs share the window', async () => {
      const index = await indexOf([bare('y1'), bare('y2'), bare('t1'), bare('t2')]);
      const second = { ...pdfJob(), id: 'j2', documentId: 'doc-2', yokoyInvoiceId: 'y2' };
      const { read, reads } = readers({ 'doc-1': '%PDF one', 'doc-2': '%PDF two' }, { t1: '%PDF two', t2: '%PDF one' });
      const twins = await findPdfTwins([pdfJob(), second], index, new Map(), read);
      expect(twins.get(base.id)?.twins.map((t) => t.id)).toEqual(['t2']);
      expect(twins.get('j2')?.twins.map((t) => t.id)).toEqual(['t1']);
      expect(reads.filter((r) => r.startsWith('inv:')).sort()).toEqual(['inv:t1', 'inv:t2']);
    });
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
