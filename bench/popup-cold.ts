/**
 * Figure 3b: the real toolbar popup opened with a cold worker, to the status on screen. For
 * each open the service worker is stopped (as Chrome idles it out), then an extension page
 * calls `chrome.action.openPopup()`, which opens popup.html as the toolbar popup (Chromium
 * does so headless once a window has focus). The popup cannot be probed before its own scripts
 * run, so it marks the moment the worker's answer replaces "checking" (STATUS_SHOWN_MARK, set
 * after the DOM has it, before it paints: the moment figure 3's observer stamps). The figure is
 * that mark minus the openPopup call, both on the epoch clock (`timeOrigin + now()`): the
 * popup's window and page start, the worker's cold start and the answer, all counted.
 *
 * In English (the catalogue built in) and in German (its catalogue a chunk the popup fetches
 * before it renders, while the worker starts). The toolbar popup takes its language from the
 * browser; German is asked for with `chrome.action.setPopup({ popup: 'popup.html?lang=de' })`,
 * the same page with the explicit choice the popup honours, and the manifest's popup restored
 * afterwards.
 *
 * The floor, in the same run: a blank popup (`bench-blank.html`, one line of text and nothing
 * else, written into the built extension by the bench) opened the same way, to its first paint.
 * On this machine Chromium takes ~240 ms to create a toolbar popup's document and ~290 ms to
 * paint a blank one (bench/tools notes, 2026-12-03), before any of the extension's code can
 * run; the budget is on what the popup adds to that floor, opens paired so load weighs alike.
 */
import type { Browser, Page } from 'puppeteer-core';
import { STATUS_SHOWN_MARK } from '../lib/ui/marks';
import { BLANK_PAGE, installBlankPage } from './lib/blank-page';
import { figure, type Figure } from './lib/figure';
import { median } from './lib/stats';
import { workerControl } from './lib/worker-control';

const GROUP = 'popup';

/** English, and the lazily loaded language measured beside it. */
const languages = [
  { language: 'en', popup: 'popup.html' },
  { language: 'de', popup: 'popup.html?lang=de' },
] as const;

const BLANK = BLANK_PAGE;

interface Open {
  /** openPopup called → status mark, ms. */
  status: number;
  /** openPopup called → the popup document's time origin, ms. */
  document: number;
  /** openPopup called → first contentful paint (the "checking" state), ms. */
  firstPaint: number | undefined;
}

export async function measurePopupCold(env: { browser: Browser; extensionId: string }, options: { opens: number }): Promise<Figure[]> {
  const { browser, extensionId } = env;
  const control = await workerControl(browser, extensionId);
  const launcher = await browser.newPage();
  // options.html asks the worker for nothing once loaded; the popup needs a focused window.
  await launcher.goto(`chrome-extension://${extensionId}/options.html`);
  await launcher.bringToFront();

  /** Stops the worker, again if something (the closed popup's last port) woke it meanwhile. */
  const stopCold = async () => {
    for (let attempt = 1; ; attempt++) {
      // Already stopped: the blank popup opened last asks the worker nothing.
      if (!control.running()) return;
      try {
        await control.stop(5_000);
        if (!control.running()) return;
      } catch (error) {
        if (attempt >= 4) throw error;
      }
    }
  };

  const open = async (popup: string): Promise<Open> => {
    await stopCold();
    const target = browser.waitForTarget((t) => t.url().startsWith(`chrome-extension://${extensionId}/${popup}`), { timeout: 20_000 });
    const opened = await launcher.evaluate(async (path) => {
      await chrome.action.setPopup({ popup: path });
      const at = performance.timeOrigin + performance.now();
      await chrome.action.openPopup();
      return at;
    }, popup);
    let page: Page | undefined;
    try {
      page = (await (await target).asPage()) ?? undefined;
      const shown = await page.waitForFunction(
        (mark, blank) => {
          // The blank page's "status" is its first paint: it has nothing else to show.
          const [entry] = blank ? performance.getEntriesByName('first-contentful-paint') : performance.getEntriesByName(mark);
          if (!entry) return false;
          const paint = performance.getEntriesByName('first-contentful-paint')[0];
          return { origin: performance.timeOrigin, status: entry.startTime, paint: paint?.startTime };
        },
        { timeout: 20_000 },
        STATUS_SHOWN_MARK,
        popup === BLANK,
      );
      const b = (await shown.jsonValue()) as { origin: number; status: number; paint?: number };
      return {
        status: b.origin + b.status - opened,
        document: b.origin - opened,
        firstPaint: b.paint === undefined ? undefined : b.origin + b.paint - opened,
      };
    } finally {
      await page?.close();
    }
  };

  const figures: Figure[] = [];
  try {
    installBlankPage();
    const opens = new Map<string, Open[]>(languages.map(({ language }) => [language, []]));
    const floor: Open[] = [];
    // Warm-up: the extension's renderer process and the popup's chunks in the cache, as for a user's second open.
    for (const popup of [BLANK, ...languages.map((l) => l.popup)]) await open(popup);
    // The floor and the languages take turns, so a machine slowing down or speeding up weighs on all alike.
    for (let i = 0; i < options.opens; i++) {
      floor.push(await open(BLANK));
      for (const { language, popup } of languages) opens.get(language)!.push(await open(popup));
    }
    const ms = (values: (number | undefined)[]) => median(values.filter((v): v is number => v !== undefined))?.toFixed(0) ?? '—';
    figures.push(
      figure({
        group: GROUP,
        id: 'popup.cold.floor',
        label: 'Toolbar popup floor: a blank popup → its first paint',
        unit: 'ms',
        samples: floor.map((o) => o.status),
        note: `${BLANK} (text, no script) opened the same way; its document at ${ms(floor.map((o) => o.document))} ms (median): Chromium's own share, before any extension code can run`,
      }),
    );
    for (const { language, popup } of languages) {
      const mine = opens.get(language)!;
      figures.push(
        figure({
          group: GROUP,
          id: `popup.cold.first-status.${language}`,
          label: `Toolbar popup, cold worker → first status (${language})`,
          unit: 'ms',
          samples: mine.map((o) => o.status),
          note: `real toolbar popup (chrome.action.openPopup, ${popup}), worker stopped before each open; median: popup document at ${ms(mine.map((o) => o.document))} ms, first paint ("checking") at ${ms(mine.map((o) => o.firstPaint))} ms`,
        }),
        figure({
          group: GROUP,
          id: `popup.cold.over-floor.${language}`,
          label: `Toolbar popup, cold worker: first status beyond the blank popup's paint (${language})`,
          unit: 'ms',
          // Paired with the floor opened just before it.
          samples: mine.map((o, i) => o.status - floor[i]!.status),
          // The worker's cold start (its script evaluated, the status read) and the popup's own
          // page load and render, both after Chromium has made the window: 100 ms for the two.
          budget: { max: 100, text: '≤ 100' },
          note: 'status mark minus the blank popup’s first paint, open by open; the work that is the extension’s: its page, the worker’s cold start, the answer',
        }),
      );
    }
  } finally {
    await launcher.evaluate(() => chrome.action.setPopup({ popup: 'popup.html' })).catch(() => undefined);
    await launcher.close();
    await control.close();
  }
  return figures;
}
