/**
 * The environments benchmarks run in, started once per run and shared: the in-process sandbox,
 * a Chromium with the built sandbox extension connected to it (ready client verified, Acme
 * Belgium NV picked, signed in to Banqup), and a Chromium without the extension, signed in to
 * the same Banqup, as the baseline. Built on the e2e harness so bench and tests load the same
 * build (`WXT_OUT_DIR`).
 */
import type { Browser } from 'puppeteer-core';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { extensionWorker, launchBrowser, type LaunchedBrowser } from '../../tests/e2e/support/browser';
import { connectExtension } from '../../tests/e2e/support/connect';
import type { E2EEnv } from '../../tests/e2e/support/fixtures';

export const BENCH_LEGAL_ENTITY = { name: 'Acme Belgium NV', id: 'le-BE-acme-0001' } as const;
/** The baseline's uploads go to another legal entity, so they never look like the pipeline's. */
export const BASELINE_LEGAL_ENTITY = { name: 'Acme Schweiz AG', id: 'le-CH-acme-0003' } as const;

export interface BenchEnv {
  sandbox(): Promise<Sandbox>;
  /** The extension's browser, connected. */
  extension(): Promise<E2EEnv>;
  /** A browser without the extension, signed in to Banqup. */
  plain(): Promise<Browser>;
  /** The first browser started (for the machine line), if any. */
  anyBrowser(): Browser | undefined;
  close(): Promise<void>;
}

export function createBenchEnv(log: (message: string) => void = () => undefined): BenchEnv {
  let sandbox: Promise<Sandbox> | undefined;
  let ext: Promise<E2EEnv> | undefined;
  let plain: Promise<LaunchedBrowser> | undefined;
  const launched: LaunchedBrowser[] = [];

  const env: BenchEnv = {
    sandbox: () => (sandbox ??= startSandbox()),
    extension: () =>
      (ext ??= (async () => {
        const e = { sandbox: await env.sandbox() } as E2EEnv;
        log('starting Chromium with the extension');
        e.launched = await launchBrowser({ extension: true });
        launched.push(e.launched);
        e.browser = e.launched.browser;
        const { worker, extensionId } = await extensionWorker(e.browser);
        e.worker = worker;
        e.extensionId = extensionId;
        await connectExtension(e, BENCH_LEGAL_ENTITY.name);
        return e;
      })()),
    plain: async () =>
      (
        await (plain ??= (async () => {
          const s = await env.sandbox();
          log('starting Chromium without the extension');
          const l = await launchBrowser({ extension: false });
          launched.push(l);
          const page = await l.browser.newPage();
          await page.goto(`${s.urls.banqup}/__admin/session?next=/purchases`);
          await page.close();
          return l;
        })())
      ).browser,
    anyBrowser: () => launched[0]?.browser,
    async close() {
      await Promise.all(launched.map((l) => l.close()));
      await (await sandbox)?.close();
    },
  };
  return env;
}
