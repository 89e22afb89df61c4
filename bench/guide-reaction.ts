/**
 * Figure 4: how fast the in-page guide follows the user. On Banqup's dashboard with the guide
 * open at step A1 ("open the Apps menu"), the bench clicks the main menu's Apps
 * button from inside the page (`performance.now()` stamped just before the click) and a
 * MutationObserver on the guide's shadow root stamps the moment what the guide highlights
 * changes (its step, control or highlight box: A1 → A2 when the menu opens, back to A1 when
 * it closes). Both directions count. The page's own share (click → the button's
 * `aria-expanded` flips) is reported beside it. Measured only when the guide's page object
 * (tests/e2e/pages/guide.ts) exists; a guide that does not react is reported, not fatal.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'puppeteer-core';
import type { Sandbox } from '../sandbox/server';
import { inOurUi } from '../tests/e2e/support/our-ui';
import { BanqupApp, byRole } from '../tests/e2e/pages/banqup-app';
import { figure, notMeasured, type Figure } from './lib/figure';
import { median } from './lib/stats';

const GROUP = 'guide';
const GUIDE_PAGE_OBJECT = fileURLToPath(new URL('../tests/e2e/pages/guide.ts', import.meta.url));
const label = 'Guide reaction: page action → next step highlighted';
const budget = { max: 50, text: '≤ 50' };

interface Reaction {
  reactionMs: number;
  pageMs: number;
  from: string;
  to: string;
}

export async function measureGuideReaction(env: { browser: Browser; sandbox: Sandbox }, options: { actions: number }): Promise<Figure[]> {
  if (!existsSync(GUIDE_PAGE_OBJECT))
    return [notMeasured({ group: GROUP, id: 'guide.reaction', label, unit: 'ms', budget, note: 'not measured (guide absent)' })];
  const { GuideOverlay, guideHost } = await import('../tests/e2e/pages/guide');
  const app = await BanqupApp.open(env.browser, env.sandbox.urls.banqup);
  const samples: Reaction[] = [];
  try {
    await app.quickSignIn('/');
    const guide = new GuideOverlay(app.page);
    await guide.openFromLauncher();
    await guide.waitFor({ step: 'A1' });
    // Classic Banqup's main menu is on the left (REAL-PRODUCTS.md §1).
    const button = `nav ${byRole('button', app.l.applications)}`;
    for (let i = 0; i < options.actions + 1; i++) {
      // Puppeteer's role selector is not CSS: the button found by its name is marked for the
      // content script's world, which shares the page's DOM (not Puppeteer's selector engine).
      const handle = await app.page.waitForSelector(button);
      await handle!.evaluate((el) => el.setAttribute('data-bench-toggle', ''));
      // The guide's root is closed: the measurement runs in the content script's world, where
      // it can see both the page's toggle and the guide (tests/e2e/support/our-ui.ts).
      const reaction = await inOurUi(
        app.page,
        (rootOf, a) =>
          new Promise<Reaction>((resolve, reject) => {
            const root = rootOf(a.host);
            const toggle = document.querySelector(a.button);
            if (!root || !toggle) return reject(new Error('no guide'));
            // Inline, no named helpers: tsx would wrap them in a `__name` call the page lacks.
            const layer = root.querySelector<HTMLElement>('.guide');
            const from = `${layer?.dataset.step}|${layer?.dataset.control}|${layer?.dataset.target}`;
            let pageAt: number | undefined;
            const onPage = new MutationObserver(() => (pageAt ??= performance.now()));
            onPage.observe(toggle, { attributes: true, attributeFilter: ['aria-expanded'] });
            const onGuide = new MutationObserver(() => {
              const now = root.querySelector<HTMLElement>('.guide');
              const to = `${now?.dataset.step}|${now?.dataset.control}|${now?.dataset.target}`;
              if (to === from) return;
              const at = performance.now();
              onGuide.disconnect();
              onPage.disconnect();
              clearTimeout(timer);
              resolve({ reactionMs: at - t0, pageMs: (pageAt ?? at) - t0, from, to });
            });
            onGuide.observe(root, { attributes: true, subtree: true, childList: true });
            const timer = setTimeout(() => {
              onGuide.disconnect();
              onPage.disconnect();
              reject(new Error(`the guide stayed at ${from}`));
            }, 3_000);
            const t0 = performance.now();
            (toggle as HTMLElement).click();
          }),
        { host: guideHost, button: '[data-bench-toggle]' },
      );
      if (!reaction) throw new Error('the guide did not react');
      if (i > 0) samples.push(reaction); // the first one warms up
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (error) {
    return [
      notMeasured({
        group: GROUP,
        id: 'guide.reaction',
        label,
        unit: 'ms',
        budget,
        note: `not measured: ${error instanceof Error ? error.message : String(error)}`,
      }),
    ];
  } finally {
    await app.page.close();
  }
  const moves = [...new Set(samples.map((s) => `${s.from.split('|')[0]}→${s.to.split('|')[0]}`))].join(', ');
  return [
    figure({
      group: GROUP,
      id: 'guide.reaction',
      label,
      unit: 'ms',
      samples: samples.map((s) => s.reactionMs),
      budget,
      note: `Applications menu opened and closed (${moves}); the page's own share (click → aria-expanded) ${median(samples.map((s) => s.pageMs))!.toFixed(1)} ms (median)`,
    }),
  ];
}
