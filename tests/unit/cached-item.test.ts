/** The worker's in-memory copy of a storage item: one read until it changes, wherever the change comes from. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { cachedItem } from '../../lib/settings/cached-item';

interface Control {
  paused: boolean;
  tags: string[];
}

describe('cachedItem', () => {
  beforeEach(() => fakeBrowser.reset());

  function counted() {
    const item = storage.defineItem<Control>('local:control', { fallback: { paused: false, tags: [] } });
    const reads = { count: 0 };
    const wrapped = { ...item, getValue: () => (reads.count++, item.getValue()), setValue: item.setValue, watch: item.watch };
    return { item, reads, cached: cachedItem(wrapped) };
  }

  it('reads storage once until the value changes', async () => {
    const { reads, cached } = counted();
    for (let i = 0; i < 5; i++) expect((await cached.getValue()).paused).toBe(false);
    expect(reads.count).toBe(1);
  });

  it('sees its own write at once, and a write from another context once storage tells', async () => {
    const { item, reads, cached } = counted();
    await cached.getValue();
    await cached.setValue({ paused: true, tags: [] });
    expect((await cached.getValue()).paused).toBe(true);
    // The popup writes the item itself: the watch drops the copy.
    await item.setValue({ paused: false, tags: ['popup'] });
    for (let turn = 0; turn < 50 && (await cached.getValue()).paused; turn++) await new Promise((r) => setTimeout(r, 0));
    expect(await cached.getValue()).toEqual({ paused: false, tags: ['popup'] });
    expect(reads.count).toBeGreaterThanOrEqual(3);
  });

  it('hands out copies: a caller changing what it read changes nothing for the next', async () => {
    const { cached } = counted();
    (await cached.getValue()).tags.push('mine');
    expect((await cached.getValue()).tags).toEqual([]);
  });
});
