/**
 * The Yokoy index's IndexedDB side (issue 16): a snapshot per legal entity plus a journal of
 * what changed since. A large journal is folded into the snapshot; nothing saved meanwhile is
 * lost; records from before upgrade 9 (a journal without snapshot) read back and get folded in.
 */
import { describe, expect, it } from 'vitest';
import { openCompanionDB } from '../../lib/db/schema';
import { idbIndexPersistence, type IndexedInvoice, type IndexSync } from '../../lib/export/yokoy-index';

const record = (le: string, i: number, extra: Partial<IndexedInvoice> = {}): IndexedInvoice => ({
  key: `${le}|inv-${i}`,
  legalEntityId: le,
  id: `inv-${i}`,
  invoiceNumber: `N-${i}`,
  date: '2026-09-01',
  currency: 'EUR',
  gross: 100 + i,
  supplierId: 'sup-1',
  created: '2026-09-01T10:00:00.000Z',
  lastModified: '2026-09-01T10:00:00.000Z',
  ...extra,
});
const sync = (le: string): IndexSync => ({ legalEntityId: le, watermark: '2026-09-01T10:00:00.000Z', suppliers: {} });
const many = (le: string, n: number, extra?: (i: number) => Partial<IndexedInvoice>) =>
  Array.from({ length: n }, (_, i) => record(le, i, extra?.(i)));

describe('Yokoy index persistence: snapshot and journal', () => {
  it('folds a large journal into one snapshot, and reads the same invoices back', async () => {
    const db = openCompanionDB(`snapshot-${Math.random()}`);
    const persistence = idbIndexPersistence(() => db, { compactAt: 100 });
    const saved = many('le', 250, (i) => (i % 2 ? { tag: `doc-${i}` } : {}));
    await persistence.save(saved, sync('le'));
    await persistence.settled?.();
    const database = await db;
    expect((await database.get('yokoyIndexSnapshots', 'le'))?.count).toBe(250);
    expect(await database.count('yokoyInvoices')).toBe(0);
    // A new worker life: another persistence over the same database.
    const loaded = await idbIndexPersistence(() => db).load('le');
    expect(loaded.invoices.sort((a, b) => a.gross! - b.gross!)).toEqual(saved);
    expect(loaded.sync).toEqual(sync('le'));
  });

  it('loses no change saved while a compaction runs, and keeps legal entities apart', async () => {
    const db = openCompanionDB(`snapshot-${Math.random()}`);
    const persistence = idbIndexPersistence(() => db, { compactAt: 100 });
    await persistence.save(many('other', 3), sync('other'));
    await persistence.save(many('le', 150), sync('le')); // starts a compaction of 'le'
    // Not waited for: a tag and a new invoice saved at once.
    await persistence.save([record('le', 7, { tag: 'doc-7' }), record('le', 999)], sync('le'));
    await persistence.settled?.();
    const loaded = await idbIndexPersistence(() => db).load('le');
    expect(loaded.invoices).toHaveLength(151);
    expect(loaded.invoices.find((i) => i.id === 'inv-7')?.tag).toBe('doc-7');
    expect(loaded.invoices.some((i) => i.id === 'inv-999')).toBe(true);
    expect(loaded.invoices.every((i) => i.legalEntityId === 'le' && i.key === `le|${i.id}`)).toBe(true);
    expect((await idbIndexPersistence(() => db).load('other')).invoices).toHaveLength(3);
  });

  it('reads records from before the snapshot store existed, then folds them in', async () => {
    const db = openCompanionDB(`snapshot-${Math.random()}`);
    const database = await db;
    // As upgrade 8 left them: one record per invoice, no snapshot.
    const tx = database.transaction('yokoyInvoices', 'readwrite');
    await Promise.all([...many('le', 120).map((r) => tx.store.put(r)), tx.done]);
    const persistence = idbIndexPersistence(() => db, { compactAt: 100 });
    const loaded = await persistence.load('le');
    expect(loaded.invoices).toHaveLength(120);
    await persistence.settled?.();
    expect((await database.get('yokoyIndexSnapshots', 'le'))?.count).toBe(120);
    expect(await database.count('yokoyInvoices')).toBe(0);
    expect((await idbIndexPersistence(() => db).load('le')).invoices).toHaveLength(120);
  });
});
