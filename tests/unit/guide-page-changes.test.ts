// @vitest-environment happy-dom
// (mutates a recorded Banqup page and reads the MutationObserver's records)
/**
 * Which page changes call for a new step detection (lib/banqup-page/guide/detect:
 * `mayChangeDetection`): on a recorded wizard page grown with a list of rows, a row redrawn
 * with nothing the guide looks for does not; the step's control appearing in a row, replaced,
 * moved, hidden or renamed from elsewhere does. And the skip is exact: over a few hundred
 * random changes, whenever it says "cannot change", a detection gives the same answer.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  createDetectionReads,
  detectionLocators,
  detectStep,
  mayChangeDetection,
  type DetectionReads,
} from '../../lib/banqup-page/guide/detect';
import { banqupBusy } from '../../lib/sites/banqup/wizard';

const path = { pathname: '/apps/accounting/connection' };
let reads: DetectionReads;
let observer: MutationObserver;

function showPage(rows: number) {
  const html = readFileSync(resolve(import.meta.dirname, '../fixtures/banqup-dom/en/A3.html'), 'utf8');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.documentElement.lang = 'en';
  document.body.innerHTML = parsed.body.innerHTML;
  // Purchase rows as the look-alike draws them: a checkbox named by aria-label, a link.
  const table = document.createElement('table');
  table.innerHTML = `<tbody>${Array.from(
    { length: rows },
    (_, i) =>
      `<tr data-id="${i}"><td><input type="checkbox" aria-label="Select invoice INV-${i}"></td><td><a href="/documents/${i}">INV-${i}</a></td><td class="num">${i}.00 €</td></tr>`,
  ).join('')}</tbody>`;
  document.querySelector('main')!.append(table);
}

const detect = () => {
  const d = detectStep(document, path, { language: 'en', reads });
  return d.busy ? { busy: true } : { step: d.step.id, control: d.control, target: d.target };
};
const rows = () => [...document.querySelectorAll('tbody tr')];
const theSwitch = () => document.querySelector('[data-qa="online-connection-switch"]')!;

/** Whether the records of the changes `act` made call for a detection (as the guide's watcher asks). */
function calls(act: () => void): boolean {
  act();
  return observer.takeRecords().some((r) => mayChangeDetection(r, reads));
}

function redraw(row: Element, html?: string): Element {
  const fresh = row.cloneNode(true) as Element;
  if (html !== undefined) fresh.innerHTML = html;
  row.replaceWith(fresh);
  return fresh;
}

beforeEach(() => {
  observer?.disconnect();
  showPage(50);
  reads = createDetectionReads();
  observer = new MutationObserver(() => undefined);
  observer.observe(document.documentElement, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['aria-checked', 'aria-expanded', 'checked', 'hidden', 'disabled', 'value', 'class', 'aria-busy'],
  });
});

describe('page changes the guide detects again for', () => {
  it('a row redrawn with nothing the guide looks for: no detection, and the answer is indeed the same', () => {
    const before = detect();
    expect(before).toMatchObject({ step: 'A3', control: 'onlineConnection', target: theSwitch() });
    expect(calls(() => redraw(rows()[7]!))).toBe(false);
    expect(calls(() => rows()[8]!.remove())).toBe(false);
    expect(calls(() => document.querySelector('tbody')!.append(rows()[0]!.cloneNode(true)))).toBe(false);
    expect(detect()).toEqual(before);
  });

  it('a row redrawn that now holds the step’s control, when the page had none', () => {
    theSwitch().closest('.setting-row')!.remove();
    observer.takeRecords();
    expect(detect()).toMatchObject({ step: 'A3', control: 'onlineConnection', target: undefined });
    expect(calls(() => redraw(rows()[3]!))).toBe(false);
    expect(
      calls(() => redraw(rows()[3]!, '<td><button role="switch" aria-checked="false" aria-label="Online connection"></button></td>')),
    ).toBe(true);
    expect(detect()).toMatchObject({ control: 'onlineConnection', target: rows()[3]!.querySelector('[role="switch"]') });
  });

  it('the located control replaced, moved into a row, hidden or removed', () => {
    detect();
    expect(calls(() => redraw(theSwitch()))).toBe(true);
    detect();
    expect(calls(() => rows()[2]!.append(theSwitch()))).toBe(true);
    detect();
    expect(calls(() => rows()[2]!.setAttribute('hidden', ''))).toBe(true);
    expect(detect()).toMatchObject({ control: 'onlineConnection', target: undefined });
    expect(calls(() => rows()[5]!.setAttribute('hidden', ''))).toBe(false);
    expect(calls(() => rows()[2]!.removeAttribute('hidden'))).toBe(true);
    expect(detect()).toMatchObject({ control: 'onlineConnection', target: theSwitch() });
    expect(calls(() => theSwitch().remove())).toBe(true);
  });

  it('the control renamed from elsewhere (its aria-labelledby text)', () => {
    detect();
    expect(calls(() => (document.getElementById('online-label-6')!.textContent = 'Paper delivery'))).toBe(true);
    expect(detect()).toMatchObject({ control: 'onlineConnection', target: undefined });
    // A label for a named control arriving in a row, and its name's source coming back.
    const named = document.createElement('span');
    named.id = 'online-label-6';
    named.textContent = 'Online Connection';
    expect(calls(() => document.getElementById('online-label-6')!.remove())).toBe(true);
    detect();
    expect(calls(() => rows()[1]!.querySelector('td')!.append(named))).toBe(true);
    expect(detect()).toMatchObject({ control: 'onlineConnection', target: theSwitch() });
  });

  it('Banqup busy: every change counts, its busy marker going too', () => {
    document.querySelector('main')!.insertAdjacentHTML('afterbegin', '<div class="loading">Loading…</div>');
    observer.takeRecords();
    expect(detect()).toEqual({ busy: true });
    expect(calls(() => redraw(rows()[7]!))).toBe(true);
    expect(calls(() => document.querySelector('main .loading')!.remove())).toBe(true);
  });

  it('is exact: whenever a change is skipped, a detection gives the same answer', () => {
    // A fixed pseudo-random sequence (reproducible): redraws, moves, removals, text, hiding,
    // and rows that bring a control the guide looks for (or one named like nothing it knows).
    let seed = 16;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const controls = [
      '<td><button>Next</button></td>',
      '<td><button role="switch" aria-checked="false" aria-label="Online connection"></button></td>',
      '<td><input type="checkbox" aria-label="Select invoice INV-x"></td>',
      '<td><a href="/x">Online Connection</a></td>',
      '<td><span id="online-label-6">Renamed</span></td>',
      '<td><h1>Connection type</h1></td>',
      '<td><label for="nobody">Yokoy client ID</label><input id="nobody"></td>',
      '<td><div class="loading"></div></td>',
    ];
    // Never the list itself: the run stops when the rows run out.
    const elements = () => [...document.querySelectorAll('main *')].filter((el) => !el.querySelector('tbody'));
    const leaves = () => elements().filter((el) => !el.firstElementChild);
    const changes = [
      () => redraw(rows()[random(rows().length)]!),
      () => redraw(rows()[random(rows().length)]!, controls[random(controls.length)]!),
      () => elements()[random(elements().length)]!.remove(),
      () => rows()[random(rows().length)]!.append(elements()[random(elements().length)]!),
      () => rows()[random(rows().length)]!.toggleAttribute('hidden'),
      () => {
        const el = leaves()[random(leaves().length)]!;
        el.textContent = random(2) ? 'Online Connection' : 'Else';
      },
      () => theSwitch()?.setAttribute('aria-checked', String(Boolean(random(2)))),
    ];
    let previous = detect();
    let skipped = 0;
    let detected = 0;
    for (let i = 0; i < 600 && rows().length > 3; i++) {
      try {
        changes[random(changes.length)]!();
      } catch {
        // An impossible move (an element into itself): the page stays as it was.
      }
      const called = observer.takeRecords().some((r) => mayChangeDetection(r, reads));
      const now = detect();
      if (called) detected++;
      else {
        skipped++;
        expect(now, `change ${i}`).toEqual(previous);
      }
      previous = now;
    }
    expect(skipped).toBeGreaterThan(100);
    expect(detected).toBeGreaterThan(30);
  });

  it('the site data has no selector whose match depends on siblings or descendants (the skip’s premise)', () => {
    const selectors = [...banqupBusy, ...detectionLocators.flatMap((l) => [...l.selectors, l.candidates ?? ''])];
    for (const selector of selectors) expect(selector, selector).not.toMatch(/[+~]|:has\(|:nth-|:first-|:last-|:only-|:empty/);
  });
});
