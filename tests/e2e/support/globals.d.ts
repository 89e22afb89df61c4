// Code passed to `worker.evaluate` runs inside the extension's service worker, where Chrome's
// `chrome` global exists; this gives it WXT's Chrome-shaped types.
import type { browser } from 'wxt/browser';

declare global {
  const chrome: typeof browser;
}
