/**
 * The guide open on a big page that changes every frame (issue 16): Banqup's purchase list
 * grown to `rows` rows (the page's own rows cloned, ~11 elements each), with the guide open.
 * Two phases of `frames` animation frames each, traced:
 * - "live list": every frame the page rewrites one row's amount and toggles a class on it
 *   (a list updating live), away from everything the guide reads;
 * - "ticking rows": every frame the page ticks or unticks one row's checkbox, an element the
 *   guide's locators read, so each frame re-runs the full step detection on the big page.
 * Extension script per frame = the extension's own script time in the trace (outermost events
 * from chrome-extension:// URLs: observer callbacks, animation frames) / frames; the longest
 * top-level task that ran extension script.
 */
import type { Browser } from 'puppeteer-core';
import type { Sandbox } from '../sandbox/server';
import { BanqupApp } from '../tests/e2e/pages/banqup-app';
import { figure, notMeasured, type Figure } from './lib/figure';
import { extensionWork, parseTrace, traceCategories } from './lib/trace';

const GROUP = 'guide';

export async function measureGuideBigPage(env: { browser: Browser; sandbox: Sandbox }, options: { rows: number; frames: number }): Promise<Figure[]> {
  const { GuideOverlay } = await import('../tests/e2e/pages/guide');
  const app = await BanqupApp.open(env.browser, env.sandbox.urls.banqup);
  const label = (what: string) => `Guide open, ${options.rows.toLocaleString('en')}-row page, ${what}`;
  try {
    await app.quickSignIn('/purchases');
    await app.page.waitForSelector('table.data-table tbody tr[data-document-id]');
    const elements = await app.page.evaluate((want) => {
      const body = document.querySelector('table.data-table tbody')!;
      const originals = [...body.querySelectorAll('tr[data-document-id]')];
      const fragment = document.createDocumentFragment();
      for (let i = originals.length; i < want; i++) {
        const row = originals[i % originals.length]!.cloneNode(true) as HTMLElement;
        row.dataset.documentId = `${row.dataset.documentId}-copy-${i}`;
        fragment.append(row);
      }
      body.append(fragment);
      return document.getElementsByTagName('*').length;
    }, options.rows);
    const guide = new GuideOverlay(app.page);
    await guide.openFromLauncher();
    const phase = async (kind: 'live' | 'tick') => {
      await app.page.tracing.start({ categories: traceCategories });
      const frames = await app.page.evaluate(
        (n, mode) =>
          new Promise<number>((resolve) => {
            const rows = [...document.querySelectorAll<HTMLTableRowElement>('table.data-table tbody tr')];
            let i = 0;
            const step = () => {
              const row = rows[(i * 7919) % rows.length]!;
              if (mode === 'live') {
                const cell = row.querySelector('td.num');
                if (cell) cell.textContent = `${(i % 997) + 0.5} €`;
                row.classList.toggle('updated');
              } else {
                const box = row.querySelector<HTMLInputElement>('input[type="checkbox"]');
                box?.toggleAttribute('checked');
              }
              if (++i < n) requestAnimationFrame(step);
              else requestAnimationFrame(() => resolve(i));
            };
            requestAnimationFrame(step);
          }),
        options.frames,
        kind,
      );
      const work = extensionWork(parseTrace(await app.page.tracing.stop()));
      return { perFrame: work.scriptMs / frames, longest: Math.max(0, ...work.tasks), long: work.longTasks.length };
    };
    const live = await phase('live');
    const tick = await phase('tick');
    const note = `${elements.toLocaleString('en')} elements, ${options.frames} frames per phase`;
    return [
      figure({ group: GROUP, id: 'guide.frame.live', label: label('live list: extension script per frame'), unit: 'ms', samples: [live.perFrame], budget: { max: 2, text: '≤ 2' }, runs: options.frames, note }),
      figure({ group: GROUP, id: 'guide.frame.live.longtask', label: label('live list: longest task with extension script'), unit: 'ms', samples: [live.longest], budget: { max: 50, text: '≤ 50' }, runs: options.frames }),
      figure({ group: GROUP, id: 'guide.frame.tick', label: label('rows ticked: extension script per frame (full detection)'), unit: 'ms', samples: [tick.perFrame], runs: options.frames, note }),
      figure({ group: GROUP, id: 'guide.frame.tick.longtask', label: label('rows ticked: longest task with extension script'), unit: 'ms', samples: [tick.longest], budget: { max: 50, text: '≤ 50' }, runs: options.frames }),
    ];
  } catch (error) {
    const note = `not measured: ${error instanceof Error ? error.message : String(error)}`;
    return ['guide.frame.live', 'guide.frame.live.longtask', 'guide.frame.tick', 'guide.frame.tick.longtask'].map((id) => notMeasured({ group: GROUP, id, label: label(id), unit: 'ms', note }));
  } finally {
    await app.page.close();
  }
}
