// @vitest-environment happy-dom
// (reads saved Banqup and Yokoy pages through DOMParser)
/**
 * Platform and step detection over recorded DOM snapshots of the Banqup look-alike
 * (scripts/record-banqup-dom.ts): on classic Banqup every step A1–A14 in pt, en, fr, nl and de,
 * plus variants (the app reached another way, a switch already on, the app already active);
 * on new Banqup its home, the open app launcher and the Store. Loaded into happy-dom as markup.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDetectionReads, detectStep, stateOnlyChange } from '../../lib/banqup-page/guide/detect';
import { pickLanguage } from '../../lib/i18n';
import { detectPlatform } from '../../lib/sites/banqup/platforms';

interface Entry {
  lang: string;
  platform: 'classic' | 'new';
  name: string;
  file: string;
  path: string;
  step: string;
  control: string;
}

const dir = resolve(import.meta.dirname, '../fixtures/banqup-dom');
const recorded = JSON.parse(readFileSync(resolve(dir, 'index.json'), 'utf8')) as Entry[];
const entries = recorded.filter((e) => e.platform === 'classic');
const newPlatform = recorded.filter((e) => e.platform === 'new');
const languages = ['pt', 'en', 'fr', 'nl', 'de'];

export function loadFixture(file: string): Document {
  return new DOMParser().parseFromString(readFileSync(resolve(dir, file), 'utf8'), 'text/html');
}

describe('detecting the step from a recorded Banqup page', () => {
  it('has every step in every language, and new Banqup in every language', () => {
    for (const lang of languages) {
      const stepsRecorded = new Set(entries.filter((e) => e.lang === lang).map((e) => e.step));
      expect([...stepsRecorded].sort()).toEqual(Array.from({ length: 14 }, (_, i) => `A${i + 1}`).sort());
      expect(newPlatform.filter((e) => e.lang === lang).map((e) => e.name)).toEqual(['new-home', 'new-launcher', 'new-store']);
    }
    expect(entries.length).toBeGreaterThanOrEqual(70);
  });

  it.each(newPlatform.map((e) => [e.file, e] as const))('%s is new Banqup, with its app launcher', (_file, entry) => {
    const doc = loadFixture(entry.file);
    const reading = detectPlatform(doc, { hostname: 'banqup.localhost' }, pickLanguage(doc.documentElement.lang));
    expect(reading.platform).toBe('new');
    if (entry.name === 'new-launcher') expect(reading.apps).toEqual(expect.arrayContaining([expect.any(String)]));
    if (entry.name === 'new-launcher') expect(reading.apps).toHaveLength(4);
  });

  it.each(entries.map((e) => [e.file, e] as const))('%s', (_file, entry) => {
    const doc = loadFixture(entry.file);
    expect(detectPlatform(doc, { hostname: 'banqup.localhost' }, 'en').platform).toBe('classic');
    const detection = detectStep(doc, { pathname: entry.path }, { language: pickLanguage(doc.documentElement.lang) });
    expect(detection.busy).toBe(false);
    if (detection.busy) return;
    expect({ step: detection.step.id, control: detection.control, found: Boolean(detection.target) }).toEqual({
      step: entry.step,
      control: entry.control,
      found: true,
    });
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

  it("skips a state change only where the last run did not read it (a row's checkbox, not the step's switch)", () => {
    const doc = loadFixture('en/A3.html');
    const row = doc.createElement('input');
    row.type = 'checkbox';
    row.setAttribute('aria-label', 'Select invoice INV-1');
    doc.querySelector('main')!.append(row);
    const reads = createDetectionReads();
    const { located } = reads;
    const at = () => {
      const d = detectStep(doc, { pathname: '/apps/accounting/connection' }, { language: 'en', reads });
      return d.busy ? 'busy' : `${d.step.id} ${d.control}`;
    };
    expect(at()).toBe('A3 onlineConnection');
    const change = (target: Element, attributeName: string) => ({ type: 'attributes', target, attributeName }) as unknown as MutationRecord;
    const toggle = [...located].find((el) => el.getAttribute('role') === 'switch' || el.matches('input'))!;
    expect(toggle).toBeDefined();
    expect(stateOnlyChange(change(row, 'checked'), located)).toBe(true);
    expect(stateOnlyChange(change(toggle, 'aria-checked'), located)).toBe(false);
    expect(stateOnlyChange(change(row, 'hidden'), located)).toBe(false);
    // What the skip claims: ticking the row changes nothing; switching the step's control on does.
    row.setAttribute('checked', '');
    row.checked = true;
    expect(at()).toBe('A3 onlineConnection');
    toggle.setAttribute('aria-checked', 'true');
    if (toggle instanceof HTMLInputElement) toggle.checked = true;
    expect(at()).toBe('A3 wizardNext');
  });

  // How fast a detection runs is the benchmark's (npm run bench -- --only guide), not a timed test's.
});
