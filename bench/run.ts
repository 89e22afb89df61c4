/**
 * `npm run bench`: every benchmark against the sandbox in headless Chromium, one table
 * (figure, median, min, max, runs, budget, verdict), written to bench/results/latest.{json,md}
 * with the machine it ran on. Flags: `--short` (few runs, 100 invoices), `--only a,b`
 * (bundle, page, popup, guide, coldstart, scale, export, reconcile, import), `--no-build` (reuse the builds in
 * WXT_OUT_DIR). Build into your own folder when others build too: WXT_OUT_DIR=.output-bench.
 * Exits 1 when a budget is missed.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { outputDir } from '../tests/e2e/support/browser';
import { measureBundleSize } from './bundle-size';
import { measureExportThroughput } from './export-throughput';
import { measureGuideReaction } from './guide-reaction';
import { measureImportMemory } from './import-memory';
import { measureGuideBigPage } from './guide-big-page';
import { createBenchEnv } from './lib/env';
import type { Figure } from './lib/figure';
import { describeMachine, machineLine } from './lib/machine';
import { writeResults, type RunRecord } from './lib/results';
import { notes, textTable } from './lib/table';
import { measureReconcile } from './reconcile';
import { measurePageCost } from './page-cost';
import { measurePopupCold } from './popup-cold';
import { measurePopupOpen } from './popup-open';
import { benchmarkNames, fullSettings, shortSettings, type BenchmarkName } from './settings';
import { measureWorkerColdStart } from './worker-cold-start';
import { measureScale, type ScalePoint } from './scale';

export const projectRoot = resolve(import.meta.dirname, '..');

export interface RunOptions {
  short: boolean;
  only?: BenchmarkName[];
  /** Build the production and sandbox extensions into `outputDir` first. */
  build: boolean;
  resultsDir: string;
  log?: (message: string) => void;
}

function build(log: (m: string) => void): void {
  for (const args of [[], ['--mode', 'sandbox']]) {
    log(`building ${args.length ? 'sandbox' : 'production'} into ${outputDir}`);
    execFileSync('npx', ['wxt', 'build', ...args], {
      cwd: projectRoot,
      env: { ...process.env, WXT_OUT_DIR: outputDir },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
}

export async function runBenchmarks(options: RunOptions): Promise<RunRecord> {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const settings = options.short ? shortSettings : fullSettings;
  const wanted = new Set<BenchmarkName>(options.only?.length ? options.only : benchmarkNames);
  if (options.build) build(log);
  const env = createBenchEnv(log);
  const figures: Figure[] = [];
  let scalePoints: ScalePoint[] | undefined;
  try {
    for (const name of benchmarkNames.filter((n) => wanted.has(n))) {
      const t = Date.now();
      log(`${name}…`);
      switch (name) {
        case 'bundle':
          figures.push(
            ...measureBundleSize({ buildDir: resolve(outputDir, 'chrome-mv3'), analysisOutDir: `${outputDir}-analysis`, projectRoot }),
          );
          break;
        case 'page': {
          const ext = await env.extension();
          figures.push(
            ...(await measurePageCost(
              { sandbox: ext.sandbox, withExtension: ext.browser, without: await env.plain() },
              { ...settings.page, log },
            )),
          );
          break;
        }
        case 'popup':
          figures.push(...(await measurePopupOpen(await env.extension(), settings.popup)));
          figures.push(...(await measurePopupCold(await env.extension(), { opens: settings.popup.coldOpens })));
          break;
        case 'guide':
          figures.push(...(await measureGuideReaction(await env.extension(), settings.guide)));
          figures.push(
            ...(await measureGuideBigPage(await env.extension(), {
              rows: settings.guide.bigPageRows,
              frames: settings.guide.bigPageFrames,
            })),
          );
          break;
        case 'coldstart':
          figures.push(...(await measureWorkerColdStart(await env.extension(), settings.coldstart)));
          break;
        case 'scale': {
          const scale = await measureScale(await env.extension(), { ...settings.scale, log });
          figures.push(...scale.figures);
          scalePoints = scale.points;
          break;
        }
        case 'export':
          // BENCH_EXPORT_INVOICES overrides N (a shorter full run on a busy machine; the note says N).
          figures.push(
            ...(await measureExportThroughput(await env.extension(), {
              ...settings.export,
              invoices: Number(process.env.BENCH_EXPORT_INVOICES) || settings.export.invoices,
              // BENCH_EXPORT_ALREADY="0,20000" overrides the M of "click → first upload".
              alreadyInYokoy: process.env.BENCH_EXPORT_ALREADY?.split(',').map(Number) ?? settings.export.alreadyInYokoy,
              projectRoot,
              log,
            })),
          );
          break;
        case 'import':
          figures.push(...(await measureImportMemory(await env.extension(), { ...settings.import, log })));
          break;
        case 'reconcile':
          figures.push(...(await measureReconcile(await env.extension(), { ...settings.reconcile, log })));
          break;
      }
      log(`${name} done in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
    const machine = await describeMachine(env.anyBrowser());
    const record: RunRecord = {
      startedAt: new Date(started).toISOString(),
      durationSeconds: (Date.now() - started) / 1000,
      mode: options.short ? 'short' : 'full',
      only: options.only ?? null,
      machine,
      settings: { ...settings, outputDir },
      figures,
      scale: scalePoints,
    };
    writeResults(options.resultsDir, record);
    return record;
  } finally {
    await env.close();
  }
}

function parseArgs(argv: string[]): Omit<RunOptions, 'resultsDir' | 'log'> {
  const onlyAt = argv.indexOf('--only');
  const only = onlyAt >= 0 ? (argv[onlyAt + 1] ?? '').split(',').filter(Boolean) : undefined;
  const unknown = only?.filter((n) => !(benchmarkNames as readonly string[]).includes(n)) ?? [];
  if (unknown.length) throw new Error(`--only: unknown ${unknown.join(', ')} (known: ${benchmarkNames.join(', ')})`);
  return { short: argv.includes('--short'), only: only as BenchmarkName[] | undefined, build: !argv.includes('--no-build') };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const options = parseArgs(process.argv.slice(2));
  const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);
  runBenchmarks({ ...options, resultsDir: resolve(projectRoot, 'bench/results'), log }).then(
    (record) => {
      console.log(`\nMachine: ${machineLine(record.machine)}`);
      console.log(`Mode: ${record.mode}, ${Math.round(record.durationSeconds)} s\n`);
      console.log(textTable(record.figures));
      const n = notes(record.figures);
      if (n.length) console.log(`\n${n.map((x) => `- ${x}`).join('\n')}`);
      console.log('\nWritten: bench/results/latest.json, bench/results/latest.md');
      const missed = record.figures.filter((f) => f.verdict === 'miss');
      if (missed.length) {
        console.log(`\nBudgets missed: ${missed.map((f) => f.label).join('; ')}`);
        process.exitCode = 1;
      }
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 2;
    },
  );
}
