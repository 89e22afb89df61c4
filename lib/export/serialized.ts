/**
 * One run of `task` at a time, and never an answer older than the call: a caller arriving while
 * a run is under way (which may have read its state before what the caller wants seen) shares
 * one more run after it. Every caller meanwhile shares that one: under load, what a run's
 * duration gathered goes in the next run, not in one run each. The Yokoy index's refresh and
 * save (yokoy-index.ts) are both this shape.
 */
export function serialized<A extends unknown[], T>(task: (...args: A) => Promise<T>): (...args: A) => Promise<T> {
  let running: Promise<T> | undefined;
  let queued: Promise<T> | undefined;
  const start = (args: A): Promise<T> => {
    running ??= task(...args).finally(() => (running = undefined));
    return running;
  };
  return (...args: A) => {
    if (!running) return start(args);
    queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = undefined;
        return start(args);
      });
    return queued;
  };
}
