/**
 * Background service worker: owns secrets and the network to Yokoy. Everything is built by the
 * composition root (lib/background/create.ts) from the worker's real surroundings.
 */
import { createBackground } from '../../lib/background/create';
import { workerEnv } from '../../lib/runtime/worker-env';

export default defineBackground(() => {
  createBackground(workerEnv());
});
