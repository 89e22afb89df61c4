/**
 * axe-core in a page (an extension page, or one in-page element's shadow tree by its host's
 * tag) and the layout fingerprint of the host page, for the accessibility and no-shift checks.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';
import { inOurUi } from '../support/our-ui';

let source: string | undefined;
const axeSource = () => (source ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));

export type Violation = { id: string; impact: string; help: string; targets: string[] };

/** The violations of serious or critical impact (axe's own rules, WCAG 2.x A/AA and best practice). */
export async function seriousViolations(page: Page, host?: string): Promise<Violation[]> {
  // Evaluated through CDP, not a <script> tag: extension pages' CSP refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource());
  if (!host) return run(page);
  // Our in-page roots are closed (issue 12) and axe cannot enter them: the content script's
  // world copies the host's tree (its styles with it) into an open root of a test-only element
  // for the time of the run.
  const copy = 'yokoy-companion-axe-copy';
  await inOurUi(
    page,
    (rootOf, a) => {
      const root = rootOf(a.host);
      const el = document.createElement(a.copy);
      const open = el.attachShadow({ mode: 'open' });
      for (const node of root?.childNodes ?? []) open.append(node.cloneNode(true));
      document.body.append(el);
      return true;
    },
    { host, copy },
  );
  try {
    return await run(page, copy);
  } finally {
    await page.evaluate((h) => document.querySelector(h)?.remove(), copy);
  }
}

function run(page: Page, host?: string): Promise<Violation[]> {
  return page.evaluate(async (h) => {
    type Result = { violations: { id: string; impact: string; help: string; nodes: { target: unknown[] }[] }[] };
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<Result> } }).axe;
    const result = await axe.run(h ? { include: [[h]] } : document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
  }, host);
}

/**
 * Where every element of the host page sits (our hosts and what is inside them left out), and
 * the document's scroll size: equal fingerprints mean the page's layout did not move.
 */
export function layoutFingerprint(page: Page): Promise<string> {
  return page.evaluate(() => {
    const ours = (el: Element) =>
      el.closest(
        '[data-ykc-host], yokoy-companion-axe-copy, yokoy-companion-launcher, yokoy-companion-guide, yokoy-companion-progress, yokoy-companion-send',
      ) !== null;
    const boxes = [...document.body.querySelectorAll('*')]
      .filter((el) => !ours(el))
      .map((el) => {
        const r = el.getBoundingClientRect();
        return `${el.tagName}:${Math.round(r.x)},${Math.round(r.y)},${Math.round(r.width)},${Math.round(r.height)}`;
      });
    return JSON.stringify([document.documentElement.scrollWidth, document.documentElement.scrollHeight, boxes]);
  });
}

/** The fingerprint with one of our hosts taken out of the page (display: none), then put back. */
export async function fingerprintWithout(page: Page, host: string): Promise<string> {
  await page.evaluate(
    (h) => document.querySelectorAll<HTMLElement>(h).forEach((el) => el.style.setProperty('display', 'none', 'important')),
    host,
  );
  const without = await layoutFingerprint(page);
  await page.evaluate((h) => document.querySelectorAll<HTMLElement>(h).forEach((el) => el.style.removeProperty('display')), host);
  return without;
}
