/**
 * Finds elements on a third-party page from a locator in the site data: stable selectors
 * first, then visible labels in the page's language, then in the other languages. Pure DOM
 * reads; never throws on an unexpected page.
 */
import { languages, type Language } from '../i18n';
import type { Labels, LabelledValueLocator } from './yokoy-web';

const normalize = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

/** Labels in the page's language first, then the rest. */
export function labelsInOrder(labels: Labels, language: Language): string[] {
  return [...labels[language], ...languages.filter((l) => l !== language).flatMap((l) => labels[l])];
}

function first(root: ParentNode, selectors: readonly string[]): Element | undefined {
  for (const selector of selectors) {
    try {
      const found = root.querySelector(selector);
      if (found) return found;
    } catch {
      // A selector the browser rejects is a data bug; skip it rather than break the page.
    }
  }
  return undefined;
}

/** The element whose own text is exactly one of the labels. */
export function findByText(root: ParentNode, labels: string[], tags = 'label, span, dt, th, h1, h2, h3, strong, div, p'): Element | undefined {
  const wanted = labels.map(normalize);
  for (const label of wanted) {
    for (const el of root.querySelectorAll(tags)) {
      if (normalize(el.textContent) === label) return el;
    }
  }
  return undefined;
}

/** The element holding a labelled value (an input or a text element). */
export function locateValue(root: ParentNode, locator: LabelledValueLocator, language: Language): Element | undefined {
  const direct = first(root, locator.selectors);
  if (direct) return direct;
  const label = findByText(root, labelsInOrder(locator.labels, language));
  if (!label) return undefined;
  const forId = label.getAttribute('for');
  const doc = (root as Node).ownerDocument ?? (root as Document);
  if (forId) return doc.getElementById(forId) ?? undefined;
  const labelledBy = label.id ? root.querySelector(`[aria-labelledby~="${CSS.escape(label.id)}"]`) : null;
  if (labelledBy) return labelledBy;
  return label.querySelector('input, code') ?? label.nextElementSibling ?? undefined;
}

export function valueOf(el: Element | undefined): string | undefined {
  if (!el) return undefined;
  const value = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el.value : el.textContent;
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

export function locateFirst(root: ParentNode, selectors: readonly string[]): Element | undefined {
  return first(root, selectors);
}
