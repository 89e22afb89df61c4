/**
 * A storage item the service worker reads often, kept in memory until it changes. Each read of
 * `storage.local` is an IPC to the browser process: an export read the Banqup origin for every
 * request and the pause flag on every turn of its queue, ~5 reads per invoice (bench/tools/
 * api-calls.ts). A write through this item drops the copy at once; the item's watch drops it
 * when another context (the popup, the options page) writes. Each read hands out a copy, so a
 * caller that changes what it got cannot change what the next caller reads.
 */
export interface StoredItem<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  watch(cb: (value: T | null, old: T | null) => void): () => void;
}

export function cachedItem<T>(item: StoredItem<T>): StoredItem<T> {
  let value: Promise<T> | undefined;
  item.watch(() => (value = undefined));
  const read = () => {
    const reading = item.getValue();
    // A failed read is not kept: the next caller asks storage again.
    reading.catch(() => value === reading && (value = undefined));
    return reading;
  };
  return {
    getValue: async () => structuredClone(await (value ??= read())),
    async setValue(next: T) {
      value = undefined;
      try {
        await item.setValue(next);
      } finally {
        // A read that started during the write may hold the old value.
        value = undefined;
      }
    },
    watch: (cb) => item.watch(cb),
  };
}
