/**
 * Bounds the bytes of UBL and PDF held in flight by the runner, so a backfill of large PDFs
 * cannot balloon the worker's memory: a job waits for room before it uploads. A single item
 * larger than the budget still goes, alone.
 */
export function createByteBudget(limit: number) {
  let used = 0;
  const waiting: { bytes: number; resolve: () => void }[] = [];
  const drain = () => {
    while (waiting.length) {
      const next = waiting[0]!;
      if (used > 0 && used + next.bytes > limit) return;
      waiting.shift();
      used += next.bytes;
      next.resolve();
    }
  };
  return {
    async acquire(bytes: number): Promise<() => void> {
      await new Promise<void>((resolve) => {
        waiting.push({ bytes, resolve });
        drain();
      });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        used -= bytes;
        drain();
      };
    },
    get used() {
      return used;
    },
  };
}
