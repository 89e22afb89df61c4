/**
 * Figure 3: how soon the popup shows something true. Each open is a fresh tab on popup.html;
 * a MutationObserver installed before the page's own scripts stamps `performance.now()` (ms
 * since navigation start) when the connection status first leaves `data-state="loading"`,
 * i.e. when the service worker's answer is on screen. The worker is warm (the cold start is
 * figure 6). The budget is on what the popup takes beyond its floor, measured in the same
 * run: a blank extension page (bench/lib/blank-page.ts) opened the same way, to its first
 * paint, each popup open paired with the floor opened just before it. On a machine where
 * Chromium itself took 30 ms to paint that blank page the absolute figure read 45 ms; on one
 * twice as slow, 79 ms: the absolute number measured the machine.
 */
import type { Browser } from 'puppeteer-core';
import { BLANK_PAGE, installBlankPage } from './lib/blank-page';
import { figure, type Figure } from './lib/figure';
import { median } from './lib/stats';

const GROUP = 'popup';
const STATUS = '[data-testid="connection-status"]';

interface PopupWindow {
  __bench: { firstStatus: number | null; firstPaint: number | null };
}

const probe = `(() => {
  const b = (window.__bench = { firstStatus: null, firstPaint: null });
  const check = () => {
    const el = document.querySelector(${JSON.stringify(STATUS)});
    if (el && b.firstPaint === null) b.firstPaint = performance.now();
    if (el && el.getAttribute('data-state') !== 'loading' && b.firstStatus === null) { b.firstStatus = performance.now(); mo.disconnect(); }
  };
  const mo = new MutationObserver(check);
  mo.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-state'] });
})();`;

export async function measurePopupOpen(env: { browser: Browser; extensionId: string }, options: { opens: number }): Promise<Figure[]> {
  const firstStatus: number[] = [];
  const firstRender: number[] = [];
  const open = async () => {
    const page = await env.browser.newPage();
    try {
      await page.setViewport({ width: 400, height: 720 });
      await page.evaluateOnNewDocument(probe);
      await page.goto(`chrome-extension://${env.extensionId}/popup.html?lang=en`);
      const handle = await page.waitForFunction(() => {
        const b = (window as unknown as PopupWindow).__bench;
        return b.firstStatus !== null ? b : false;
      });
      return (await handle.jsonValue()) as PopupWindow['__bench'];
    } finally {
      await page.close();
    }
  };
  /** The blank page's first contentful paint, ms since navigation start. */
  const openBlank = async () => {
    const page = await env.browser.newPage();
    try {
      await page.setViewport({ width: 400, height: 720 });
      await page.goto(`chrome-extension://${env.extensionId}/${BLANK_PAGE}`);
      const paint = await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? false);
      return (await paint.jsonValue()) as number;
    } finally {
      await page.close();
    }
  };
  installBlankPage();
  const floor: number[] = [];
  const overFloor: number[] = [];
  await open(); // warm-up: the worker and the extension's renderer are up, as for a user's second open
  await openBlank();
  for (let i = 0; i < options.opens; i++) {
    floor.push(await openBlank());
    const b = await open();
    firstStatus.push(b.firstStatus!);
    overFloor.push(b.firstStatus! - floor.at(-1)!);
    if (b.firstPaint !== null) firstRender.push(b.firstPaint);
  }
  return [
    figure({
      group: GROUP,
      id: 'popup.first-status',
      label: 'Popup open → first status shown',
      unit: 'ms',
      samples: firstStatus,
      note: `status element first in the DOM (still loading) at ${median(firstRender)?.toFixed(1) ?? '—'} ms`,
    }),
    figure({
      group: GROUP,
      id: 'popup.first-status.floor',
      label: 'Popup floor: a blank extension page in a tab → its first paint',
      unit: 'ms',
      samples: floor,
      note: `${BLANK_PAGE} (text, no script) opened the same way: Chromium's own share`,
    }),
    figure({
      group: GROUP,
      id: 'popup.first-status.over-floor',
      label: 'Popup open: first status beyond the blank page’s paint',
      unit: 'ms',
      samples: overFloor,
      budget: { max: 50, text: '≤ 50' },
      note: 'each open paired with the floor opened just before it',
    }),
  ];
}
