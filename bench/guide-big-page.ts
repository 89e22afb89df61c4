/**
 * The guide open on a big page that changes every frame (issue 16): Banqup's purchase list
 * grown to `rows` rows (the page's own rows cloned, ~11 elements each), with the guide open.
 * Two phases of `frames` animation frames each, traced:
 * - "live list": every frame the page rewrites one row's amount and toggles a class on it
 *   (a list updating live), away from everything the guide reads;
 * - "ticking rows": every frame the page ticks or unticks one row's checkbox, a candidate the
 *   guide's locators read the name of but not the state (only the located controls' state is
 *   read: lib/banqup-page/guide/detect `stateOnlyChange`);
 * - "rows redrawn": every frame the page replaces one row with a fresh copy (a live list
 *   redrawing), which adds candidates, so each change needs the full step detection on the big
 *   page: the guide's duty cycle bounds how often it runs, the detection's cost bounds the task.
 * Extension script per frame = the extension's own script time in the trace (outermost events
 * from chrome-extension:// URLs: observer callbacks, animation frames) / frames; the longest
 * top-level task that ran extension script.
 */
import type { Browser } from 'puppeteer-core';
import type { Sandbox } from '../sandbox/server';
import { BanqupApp } from '../tests/e2e/pages/banqup-app';
import { figure, notMeasured, type Figure } from './lib/figure';
import { extensionScriptEvents, extensionWork, parseTrace, traceCategories } from './lib/trace';

const GROUP = 'guide';

export async function measureGuideBigPage(
  env: { browser: Browser; sandbox: Sandbox },
  options: { rows: number; frames: number },
): Promise<Figure[]> {
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
    const phase = async (kind: 'live' | 'tick' | 'redraw') => {
      await app.page.tracing.start({ categories: traceCategories });
      // A string, not a function: tsx would wrap named helpers in a `__name` call the page lacks.
      const frames = (await app.page.evaluate(`new Promise((resolve) => {
        const rows = [...document.querySelectorAll('table.data-table tbody tr')];
        let i = 0;
        const step = () => {
          const row = rows[(i * 7919) % rows.length];
          if (${JSON.stringify(kind)} === 'live') {
            const cell = row.querySelector('td.num');
            if (cell) cell.textContent = ((i % 997) + 0.5) + ' €';
            row.classList.toggle('updated');
          } else if (${JSON.stringify(kind)} === 'tick') {
            row.querySelector('input[type="checkbox"]')?.toggleAttribute('checked');
          } else {
            const fresh = row.cloneNode(true);
            row.replaceWith(fresh);
            rows[(i * 7919) % rows.length] = fresh;
          }
          if (++i < ${options.frames}) requestAnimationFrame(step);
          else requestAnimationFrame(() => resolve(i));
        };
        requestAnimationFrame(step);
      })`)) as number;
      const events = parseTrace(await app.page.tracing.stop());
      const work = extensionWork(events);
      // The extension's own longest run (an outermost script event), and the longest task that
      // ran any extension script (the page's own work in the same task included).
      const runs = extensionScriptEvents(events).map((e) => e.dur! / 1000);
      return { perFrame: work.scriptMs / frames, longest: Math.max(0, ...runs), hostingTask: Math.max(0, ...work.tasks) };
    };
    const elementsNote = `${elements.toLocaleString('en')} elements, ${options.frames} frames per phase`;
    // Each phase: its per-frame share and its longest run, what each note adds.
    const phases = [
      { kind: 'live', name: 'live list', frameNote: '', runNote: ' (its layout of the big table included)' },
      { kind: 'tick', name: 'rows ticked', frameNote: '', runNote: '' },
      {
        kind: 'redraw',
        name: 'rows redrawn',
        frameNote: "; every change needs a full detection, held to one per 15 × its cost (the guide's duty cycle)",
        runNote: '',
      },
    ] as const;
    const figures: Figure[] = [];
    for (const { kind, name, frameNote, runNote } of phases) {
      const measured = await phase(kind);
      const common = { group: GROUP, unit: 'ms' as const, runs: options.frames };
      figures.push(
        figure({
          ...common,
          id: `guide.frame.${kind}`,
          label: label(`${name}: extension script per frame`),
          samples: [measured.perFrame],
          budget: { max: 2, text: '≤ 2' },
          note: elementsNote + frameNote,
        }),
        figure({
          ...common,
          id: `guide.frame.${kind}.longtask`,
          label: label(`${name}: longest extension script run`),
          samples: [measured.longest],
          budget: { max: 50, text: '≤ 50' },
          note: `the page's own task around it: ${measured.hostingTask.toFixed(0)} ms at most${runNote}`,
        }),
      );
    }
    return figures;
  } catch (error) {
    const note = `not measured: ${error instanceof Error ? error.message : String(error)}`;
    const ids = ['live', 'live.longtask', 'tick', 'tick.longtask', 'redraw', 'redraw.longtask'].map((id) => `guide.frame.${id}`);
    return ids.map((id) => notMeasured({ group: GROUP, id, label: label(id), unit: 'ms', note }));
  } finally {
    await app.page.close();
  }
}
