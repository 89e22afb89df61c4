/**
 * Step detection over recorded DOM snapshots of the Banqup look-alike (scripts/record-banqup-dom.ts):
 * every step A1–A14 in pt, en, fr and nl, plus variants (the app reached another way, a switch
 * already on, the app already active), loaded into happy-dom as plain markup.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectStep } from '../../lib/guide/detect';
import { pickLanguage } from '../../lib/guide/text';

interface Entry {
  lang: string;
  name: string;
  file: string;
  path: string;
  step: string;
  control: string;
}

const dir = resolve(import.meta.dirname, '../fixtures/banqup-dom');
const entries = JSON.parse(readFileSync(resolve(dir, 'index.json'), 'utf8')) as Entry[];

export function loadFixture(file: string): Document {
  return new DOMParser().parseFromString(readFileSync(resolve(dir, file), 'utf8'), 'text/html');
}

describe('detecting the step from a recorded Banqup page', () => {
  it('has every step in every language', () => {
    for (const lang of ['pt', 'en', 'fr', 'nl']) {
      const stepsRecorded = new Set(entries.filter((e) => e.lang === lang).map((e) => e.step));
      expect([...stepsRecorded].sort()).toEqual(Array.from({ length: 14 }, (_, i) => `A${i + 1}`).sort());
    }
    expect(entries.length).toBeGreaterThanOrEqual(56);
  });

  it.each(entries.map((e) => [e.file, e] as const))('%s', (_file, entry) => {
    const doc = loadFixture(entry.file);
    const detection = detectStep(doc, { pathname: entry.path }, { language: pickLanguage(doc.documentElement.lang) });
    expect(detection.busy).toBe(false);
    if (detection.busy) return;
    expect({ step: detection.step.id, control: detection.control, found: Boolean(detection.target) }).toEqual({ step: entry.step, control: entry.control, found: true });
  });

  it('recognises the screen from the page when the URL says nothing (Banqup moved its routes)', () => {
    for (const entry of entries.filter((e) => e.lang === 'nl')) {
      const detection = detectStep(loadFixture(entry.file), { pathname: '/somewhere/else' }, { language: 'nl' });
      expect(detection.busy ? 'busy' : detection.step.id, entry.file).toBe(entry.step);
    }
  });

  it('keeps quiet while Banqup is still drawing a screen', () => {
    const doc = loadFixture('pt/A4.html');
    doc.querySelector('main')!.innerHTML = '<div class="loading" role="status">A carregar…</div>';
    expect(detectStep(doc, { pathname: '/apps/accounting/export' }, { language: 'pt' })).toEqual({ busy: true });
  });

  it('detects a whole page quickly (it runs at most once per frame, only after a change)', () => {
    const doc = loadFixture('pt/A11.html');
    const runs = 200;
    const start = performance.now();
    for (let i = 0; i < runs; i++) detectStep(doc, { pathname: '/apps/accounting/yokoy' }, { language: 'pt' });
    const perRun = (performance.now() - start) / runs;
    console.log(`[guide-detect] ${perRun.toFixed(3)} ms per detection (happy-dom, A11 page)`);
    expect(perRun).toBeLessThan(5);
  });
});
