/**
 * The archive reader: entries out one by one, refusals by name (encrypted, nested, traversal
 * names, bombs by declared ratio, by real output and by total), the rest of the archive going
 * on; whole-archive limits stop it with one named refusal.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readArchive, unsafeEntryName, type ArchiveItem, type ArchiveLimits } from '../../lib/import/archive';
import { makeZip } from './support/zip-fixture';

async function all(blob: Blob, limits?: ArchiveLimits): Promise<ArchiveItem[]> {
  const out: ArchiveItem[] = [];
  for await (const item of readArchive(blob, 'drop.zip', limits)) out.push(item);
  return out;
}
const summary = (items: ArchiveItem[]) =>
  items.map((i) => (i.kind === 'file' ? `${i.path}=${new TextDecoder().decode(i.bytes).slice(0, 20)}` : `${i.path}!${i.reason}`));
const limits: ArchiveLimits = { maxEntries: 100, maxEntryBytes: 5 * 1024 * 1024, maxTotalBytes: 20 * 1024 * 1024, maxRatio: 100 };

describe('readArchive', () => {
  it('reads nested folders and mixed content, in order, skipping folders and macOS forks', async () => {
    const zip = await makeZip([
      { name: '2026/05/INV-1.xml', bytes: '<Invoice/>' },
      { name: '2026/05/INV-1.pdf', bytes: '%PDF-1.4 one', level: 0 },
      { name: '__MACOSX/2026/._INV-1.xml', bytes: 'fork' },
      { name: 'readme.txt', bytes: 'hello' },
    ]);
    expect(summary(await all(zip, limits))).toEqual(['2026/05/INV-1.xml=<Invoice/>', '2026/05/INV-1.pdf=%PDF-1.4 one', 'readme.txt=hello']);
  });

  it('refuses encrypted entries and nested archives by name, and goes on', async () => {
    const zip = await makeZip([
      { name: 'secret.xml', bytes: '<Invoice/>', password: 'pw' },
      { name: 'inner.zip', bytes: 'PK' },
      { name: 'ok.xml', bytes: '<ok/>' },
    ]);
    expect(summary(await all(zip, limits))).toEqual(['secret.xml!zip-encrypted', 'inner.zip!zip-nested', 'ok.xml=<ok/>']);
  });

  it('refuses path-traversal and absolute entry names', async () => {
    const names = ['../evil.xml', 'a/../../evil.xml', '/etc/evil.xml', 'C:/evil.xml', '..\\evil.xml'];
    const zip = await makeZip([...names.map((name) => ({ name, bytes: '<x/>' })), { name: 'fine/ok.xml', bytes: '<ok/>' }]);
    const items = await all(zip, limits);
    expect(items.filter((i) => i.kind === 'refused').map((i) => i.kind === 'refused' && i.reason)).toEqual(
      names.map(() => 'zip-unsafe-name'),
    );
    expect(summary(items).at(-1)).toBe('fine/ok.xml=<ok/>');
  });

  it('refuses a zip bomb by its ratio, and an entry over the size limit', async () => {
    const zeros = new Uint8Array(8 * 1024 * 1024);
    const zip = await makeZip([
      { name: 'bomb.xml', bytes: zeros.subarray(0, 4 * 1024 * 1024) },
      { name: 'big.pdf', bytes: crypto.getRandomValues(new Uint8Array(65536)).slice(0, 65536), level: 0 },
      { name: 'ok.xml', bytes: '<ok/>' },
    ]);
    const items = await all(zip, { ...limits, maxEntryBytes: 60_000 });
    expect(summary(items)).toEqual(['bomb.xml!zip-entry-too-large', 'big.pdf!zip-entry-too-large', 'ok.xml=<ok/>']);
    expect(summary(await all(zip, limits))).toEqual(['bomb.xml!zip-ratio', expect.stringMatching(/^big\.pdf=/), 'ok.xml=<ok/>']);
  });

  it('stops at the entry limit and at the total size, naming the archive', async () => {
    const many = await makeZip(Array.from({ length: 8 }, (_, i) => ({ name: `f${i}.xml`, bytes: `<f${i}/>` })));
    const items = await all(many, { ...limits, maxEntries: 5 });
    expect(summary(items)).toEqual([
      'f0.xml=<f0/>',
      'f1.xml=<f1/>',
      'f2.xml=<f2/>',
      'f3.xml=<f3/>',
      'f4.xml=<f4/>',
      'drop.zip!zip-too-many-entries',
    ]);
    const random = () => crypto.getRandomValues(new Uint8Array(40_000));
    const heavy = await makeZip([0, 1, 2].map((i) => ({ name: `p${i}.pdf`, bytes: random(), level: 0 })));
    expect(summary(await all(heavy, { ...limits, maxTotalBytes: 100_000 })).map((s) => s.replace(/=[\s\S]*/, ''))).toEqual([
      'p0.pdf',
      'p1.pdf',
      'drop.zip!zip-total-too-large',
    ]);
  });

  it('names a corrupt or truncated archive instead of throwing', async () => {
    const zip = await makeZip([{ name: 'a.xml', bytes: '<a/>' }]);
    const truncated = zip.slice(0, zip.size - 30);
    expect(summary(await all(truncated, limits))).toEqual(['drop.zip!zip-corrupt']);
    expect(summary(await all(new Blob([new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3])]), limits))).toEqual(['drop.zip!zip-corrupt']);
  });

  it('never throws on random bytes behind a ZIP signature', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (tail) => {
        const items = await all(new Blob([new Uint8Array([0x50, 0x4b, 3, 4]), tail as Uint8Array<ArrayBuffer>]), limits);
        for (const item of items) expect(item.kind === 'file' || typeof item.reason === 'string').toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe('unsafeEntryName', () => {
  const segment = fc.stringMatching(/^[A-Za-z0-9 _.()-]{1,12}$/).filter((s) => s !== '..' && s !== '.');
  it('accepts relative paths of ordinary segments', () => {
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), (parts) => {
        expect(unsafeEntryName(parts.join('/'))).toBe(false);
      }),
    );
  });
  it('refuses any path with a .. segment, an absolute start, a drive letter or a control character', () => {
    fc.assert(
      fc.property(
        fc.array(segment, { maxLength: 4 }),
        fc.array(segment, { maxLength: 4 }),
        fc.constantFrom('..', '/', 'C:', '\u0000', '\n'),
        fc.constantFrom('/', '\\'),
        (before, after, bad, sep) => {
          const name =
            bad === '..'
              ? [...before, '..', ...after].join(sep)
              : bad === '/'
                ? `/${[...before, ...after, 'x'].join('/')}`
                : bad === 'C:'
                  ? `C:${sep}${[...after, 'x'].join(sep)}`
                  : [...before, `a${bad}b`].join('/');
          expect(unsafeEntryName(name), name).toBe(true);
        },
      ),
    );
  });
});
