/**
 * What the export diagnosis tools (bench/tools) share: the Yokoy emulator's faults, bench
 * invoices put in Banqup behind an open Export view, and a CPU profile's self time by function.
 * The benchmark itself (bench/export-throughput.ts) keeps its own passes; these are for looking.
 */
import type { Protocol } from 'puppeteer-core';
import { ExportPage } from '../../../tests/e2e/pages/export';
import type { E2EEnv } from '../../../tests/e2e/support/fixtures';
import { benchInvoices } from '../../lib/invoices';

/** The emulator's faults (latency, concurrency limit, token bucket), replacing what was set. */
export async function setYokoyFaults(ext: E2EEnv, faults: object): Promise<void> {
  const answer = await fetch(`${ext.sandbox.internalUrls.yokoyApi}/__admin/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
  if (!answer.ok) throw new Error(`faults refused: ${answer.status}`);
}

/** `count` bench invoices (only them) in Banqup, and the Export view open on them with its preview shown. */
export async function openExportOf(ext: E2EEnv, count: number, tag: string): Promise<ExportPage> {
  ext.sandbox.state.banqup.documents = benchInvoices({ count, tag: `${tag}-${Date.now().toString(36)}` });
  const view = await ExportPage.open(ext.browser, ext.extensionId);
  await view.preview();
  return view;
}

/** Self time per function (name, file, line), most first, ms; idle left out. */
export function selfTimeByFunction(profile: Protocol.Profiler.Profile, top: number, fileParts = 1): [string, number][] {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const byFunction = new Map<string, number>();
  profile.samples?.forEach((id, i) => {
    const f = nodes.get(id)!.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').slice(-fileParts).join('/')}:${f.lineNumber}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
  });
  return [...byFunction]
    .filter(([k]) => !k.startsWith('(idle)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top);
}

export const printTimes = (title: string, rows: [string, number][]) => {
  console.log(`\n${title}:`);
  for (const [k, v] of rows) console.log(`  ${v.toFixed(0).padStart(7)} ms  ${k}`);
};
