/**
 * Diagnosis, not a figure: when the extension's script runs during a load of Banqup's invoice
 * list, relative to the page's own milestones (DOMContentLoaded, load, list drawn), from a
 * Chromium trace. Says whether the extension's work sits before the list is drawn (it can
 * delay it) or after. `WXT_OUT_DIR=.output-bench npx tsx bench/tools/page-timeline.ts 5`
 */
import { createBenchEnv } from '../lib/env';
import { extensionScriptEvents, parseTrace, traceCategories, urlOf, type TraceEvent } from '../lib/trace';

const loads = Number(process.argv[2] ?? 5);
const env = createBenchEnv((m) => process.stderr.write(`${m}\n`));
const LIST_ROW = 'main tbody tr[data-document-id]';
const probe = `(() => { const mo = new MutationObserver(() => { if (document.querySelector(${JSON.stringify(LIST_ROW)})) { performance.mark('bench:list-drawn'); mo.disconnect(); } }); mo.observe(document, { childList: true, subtree: true }); })();`;

try {
  const ext = await env.extension();
  const url = `${ext.sandbox.urls.banqup}/purchases`;
  for (let i = 0; i < loads; i++) {
    const page = await ext.browser.newPage();
    await page.evaluateOnNewDocument(probe);
    await page.tracing.start({ categories: [...traceCategories, 'loading'] });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector(LIST_ROW);
    await new Promise((r) => setTimeout(r, 600));
    const events = parseTrace(await page.tracing.stop());
    await page.close();
    const find = (name: string) => events.find((e) => e.name === name);
    const nav = find('navigationStart')?.ts ?? Math.min(...events.filter((e) => e.ts > 0).map((e) => e.ts));
    const at = (e?: TraceEvent) => (e ? ((e.ts - nav) / 1000).toFixed(1) : '?');
    const outer = extensionScriptEvents(events);
    const listed = find('bench:list-drawn');
    const before = outer.filter((e) => listed && e.ts < listed.ts).reduce((s, e) => s + e.dur! / 1000, 0);
    console.log(
      `load ${i + 1}: DCL ${at(find('MarkDOMContent'))} ms, load ${at(find('MarkLoad'))} ms, list drawn ${at(listed)} ms; extension script before the list ${before.toFixed(1)} ms`,
    );
    for (const e of outer.slice(0, 8))
      console.log(
        `    ${at(e).padStart(7)} ms  ${(e.dur! / 1000).toFixed(2).padStart(6)} ms  ${e.name} ${urlOf(e).replace(/^chrome-extension:\/\/[^/]+\//, '')}`,
      );
  }
} finally {
  await env.close();
}
