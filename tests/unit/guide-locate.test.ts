// @vitest-environment happy-dom
// (locates controls in saved pages read through DOMParser)
/**
 * Locators on a recorded Banqup page: Banqup's own label in the page's language (no attribute
 * of ours: real Banqup has none); a label in another language; nothing at all → not found,
 * and the guide falls back to words with "I've done this".
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectStep } from '../../lib/banqup-page/guide/detect';
import { banqupControls } from '../../lib/sites/banqup/wizard';
import { locateControl } from '../../lib/in-page/locate';

const fixture = (file: string) =>
  new DOMParser().parseFromString(readFileSync(resolve(import.meta.dirname, '../fixtures/banqup-dom', file), 'utf8'), 'text/html');
const connection = { pathname: '/apps/accounting/connection' };

describe('finding Banqup controls', () => {
  it('finds the control by its label, not by the look-alike’s own attributes', () => {
    const doc = fixture('pt/A3.html');
    doc.querySelector('[data-qa="online-connection-switch"]')!.removeAttribute('data-qa');
    const found = locateControl(doc, banqupControls.onlineConnection, 'pt');
    expect(found?.getAttribute('role')).toBe('switch');
    const detection = detectStep(doc, connection, { language: 'pt' });
    expect(detection.busy === false && [detection.step.id, detection.target === found]).toEqual(['A3', true]);
  });

  it('finds a label in another language than the page’s', () => {
    const doc = fixture('pt/A3.html');
    doc.querySelector('[data-qa="online-connection-switch"]')!.removeAttribute('data-qa');
    doc.querySelector('.setting-title')!.textContent = 'Online connection';
    expect(locateControl(doc, banqupControls.onlineConnection, 'pt')?.getAttribute('role')).toBe('switch');
  });

  it('finds inputs by their <label>, and ignores aria-hidden decorations in names', () => {
    const doc = fixture('fr/A5.html');
    doc.querySelectorAll('[data-qa]').forEach((el) => el.removeAttribute('data-qa'));
    doc.querySelectorAll('input[name="package"]').forEach((el) => el.removeAttribute('name'));
    expect(locateControl(doc, banqupControls.yokoyPackage, 'fr')?.closest('li')?.textContent).toContain('Yokoy');
  });

  it('reports nothing when the control is gone, and the guide falls back to words', () => {
    const doc = fixture('en/A3.html');
    doc.querySelector('[role="switch"]')!.remove();
    expect(locateControl(doc, banqupControls.onlineConnection, 'en')).toBeUndefined();
    const detection = detectStep(doc, connection, { language: 'en' });
    expect(detection.busy === false && { step: detection.step.id, control: detection.control, target: detection.target }).toEqual({
      step: 'A3',
      control: 'onlineConnection',
      target: undefined,
    });
    // "I've done this": the step's next control (Next) takes over; the page then shows the truth.
    const after = detectStep(doc, connection, { language: 'en', acknowledged: ['A3'] });
    expect(after.busy === false && [after.step.id, after.control, Boolean(after.target)]).toEqual(['A3', 'wizardNext', true]);
  });

  it('ignores "I’ve done this" while the control is in sight: the page’s state decides', () => {
    const doc = fixture('en/A3.html');
    const detection = detectStep(doc, connection, { language: 'en', acknowledged: ['A3'] });
    expect(detection.busy === false && detection.control).toBe('onlineConnection');
  });

  it('never throws on a broken selector in the data', () => {
    const doc = fixture('en/A3.html');
    expect(
      locateControl(doc, { selectors: ['[[[broken'], labels: banqupControls.onlineConnection.labels, candidates: '[role="switch"]' }, 'en'),
    ).toBeDefined();
  });
});
