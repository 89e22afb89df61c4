/** The look-alike's document lookup by id follows every way the list is changed. */
import { describe, expect, it } from 'vitest';
import { banqupSeedSpace, createBanqupStore } from '../../sandbox/banqup/store';

describe('Banqup store: a document by id', () => {
  it('finds documents after the list is replaced, edited in place, grown and shrunk', () => {
    const store = createBanqupStore();
    const space = banqupSeedSpace.spaceId;
    const [a, b, c] = store.documents;
    expect(store.document(space, b!.documentId)).toBe(b);
    expect(store.document('spc-other', b!.documentId)).toBeUndefined();
    // Replaced (the bench, reset).
    store.documents = [c!, a!];
    expect(store.document(space, b!.documentId)).toBeUndefined();
    expect(store.document(space, a!.documentId)).toBe(a);
    // Edited in place: a position now holds another document.
    const changed = { ...a!, documentId: 'doc-changed' };
    store.documents[1] = changed;
    expect(store.document(space, a!.documentId)).toBeUndefined();
    expect(store.document(space, 'doc-changed')).toBe(changed);
    // Grown and shrunk.
    store.documents.unshift(b!);
    expect(store.document(space, b!.documentId)).toBe(b);
    expect(store.document(space, 'doc-changed')).toBe(changed);
    store.documents.splice(0, 1);
    expect(store.document(space, b!.documentId)).toBeUndefined();
    // Two with one id: the first in the list, as a scan finds it.
    const twin = { ...c!, fileName: 'twin.xml' };
    store.documents = [c!, twin];
    expect(store.document(space, c!.documentId)).toBe(c);
  });
});
