import 'fake-indexeddb/auto';
import * as fc from 'fast-check';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// Property tests draw from one fixed seed, so CI sees the same inputs every run (a fresh seed
// per run once failed CI on an input no commit had touched). To explore other inputs locally:
// FC_SEED=<number> npx vitest run; a failure prints its seed and path to replay.
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20_261_202) });

beforeEach(() => {
  fakeBrowser.reset();
});
