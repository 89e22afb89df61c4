/**
 * Finds elements on a third-party page from a locator in the site data: stable selectors
 * first, then visible labels in the page's language, then in the other languages. Pure DOM
 * reads; never throws on an unexpected page.
 *
 * Takes the languages from lib/i18n's language module, which holds no strings: the Banqup page
 * module uses this and must not carry a catalogue.
 */
import { languages, type Language } from '../i18n';
import type { Labels, LabelledValueLocator } from '../sites/yokoy/web';

/**
 * Labels compare loosely, because the sources differ from the screens in small ways ("Online
 * Connection" / "Online connection", "Conexão on-line" / "Conexao on-line", ’ / '): case,
 * runs of spaces, accents and the apostrophe or dash a page happens to use do not count.
 */
export const normalize = (text: string | null | undefined) =>
  (text ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

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
export function findByText(
  root: ParentNode,
  labels: string[],
  tags = 'label, span, dt, th, h1, h2, h3, strong, div, p',
): Element | undefined {
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

/**
 * A control on a page (button, input, switch…): stable selectors first, then its accessible
 * name among `candidates`, in the page's language, then in the others.
 */
export interface ControlLocator {
  selectors: readonly string[];
  labels?: Labels;
  /** CSS for the elements that may carry the name; default: interactive elements. */
  candidates?: string;
  /** 'exact' (default): the whole name equals the label; 'includes': the name contains it. */
  match?: 'exact' | 'includes';
}

/** Text a user reads: aria-hidden decorations (icons, logo letters) left out. */
export function visibleText(node: Node): string {
  let text = '';
  for (const child of node.childNodes) {
    if (child.nodeType === 3) text += child.textContent ?? '';
    else if (child.nodeType === 1 && (child as Element).getAttribute('aria-hidden') !== 'true') text += visibleText(child);
  }
  return text;
}

/**
 * What one look at a page (a detection run) may share between locators: the candidate lists
 * per selector, the names computed, and labels by their `for`. The page cannot change during
 * a run, so results are the same as without it; on a 3,000-row page it turns thousands of
 * `label[for=…]` queries into one and computes each name once, not once per locator.
 */
export interface LocateMemo {
  candidates: Map<string, Element[]>;
  names: Map<Element, string>;
  /** Per candidate selector: each name's first candidate (an exact label is one lookup, not a scan of thousands). */
  firstByName: Map<string, Map<string, Element>>;
  labelsFor?: Map<string, Element>;
  /** Every element a locator found in this run (what the run may have read the state of). */
  located: Set<Element>;
  /**
   * Where names came from beyond the named element's own subtree, each with the elements it
   * named: the elements read (a <label>, aria-labelledby's targets) and the ids looked up (a
   * control's own id for its label[for], aria-labelledby's ids, found or not). A change that
   * touches none of them and no named element's subtree leaves every name as computed
   * (./sought.ts).
   */
  nameSources: Map<Element, Element[]>;
  nameIds: Map<string, Element[]>;
}

export const createLocateMemo = (): LocateMemo => ({
  candidates: new Map(),
  names: new Map(),
  firstByName: new Map(),
  located: new Set(),
  nameSources: new Map(),
  nameIds: new Map(),
});

function note<K>(map: Map<K, Element[]> | undefined, key: K, named: Element): void {
  if (!map) return;
  const list = map.get(key);
  if (list) list.push(named);
  else map.set(key, [named]);
}

function labelFor(doc: Document, id: string, memo?: LocateMemo): Element | null {
  if (!memo) return doc.querySelector(`label[for="${CSS.escape(id)}"]`);
  if (!memo.labelsFor) {
    memo.labelsFor = new Map();
    // The first in document order wins, as with querySelector.
    for (const label of doc.querySelectorAll('label[for]')) {
      const key = label.getAttribute('for')!;
      if (!memo.labelsFor.has(key)) memo.labelsFor.set(key, label);
    }
  }
  return memo.labelsFor.get(id) ?? null;
}

/** An approximation of the accessible name: aria-labelledby, aria-label, <label>, then text. */
export function accessibleName(el: Element, memo?: LocateMemo): string {
  const known = memo?.names.get(el);
  if (known !== undefined) return known;
  const name = computeName(el, memo);
  memo?.names.set(el, name);
  return name;
}

function computeName(el: Element, memo?: LocateMemo): string {
  const doc = el.ownerDocument;
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    return normalize(
      labelledBy
        .split(/\s+/)
        .map((id) => {
          const ref = doc.getElementById(id);
          note(memo?.nameIds, id, el);
          if (ref) note(memo?.nameSources, ref, el);
          return ref ? visibleText(ref) : '';
        })
        .join(' '),
    );
  }
  const ariaLabel = el.getAttribute('aria-label');
  if (ariaLabel) return normalize(ariaLabel);
  if (/^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) {
    if (el.id) note(memo?.nameIds, el.id, el);
    const label = (el.id && labelFor(doc, el.id, memo)) || el.closest('label');
    if (label) note(memo?.nameSources, label, el);
    return normalize(label ? visibleText(label) : '');
  }
  return normalize(visibleText(el));
}

/** Not hidden by the page (the `hidden` attribute or `inert` on it or an ancestor). */
export function isShown(el: Element): boolean {
  return !el.closest('[hidden], [inert]');
}

/** The control a locator names, shown on the page; undefined when the page has none. */
export function locateControl(root: ParentNode, locator: ControlLocator, language: Language, memo?: LocateMemo): Element | undefined {
  const found = findControl(root, locator, language, memo);
  if (found) memo?.located.add(found);
  return found;
}

function findControl(root: ParentNode, locator: ControlLocator, language: Language, memo?: LocateMemo): Element | undefined {
  for (const selector of locator.selectors) {
    try {
      for (const el of root.querySelectorAll(selector)) if (isShown(el)) return el;
    } catch {
      // A selector the browser rejects is a data bug; skip it rather than break the page.
    }
  }
  if (!locator.labels) return undefined;
  const selector = locator.candidates ?? 'button, a, input, select, textarea, [role]';
  let candidates = memo?.candidates.get(selector);
  if (!candidates) {
    candidates = [...root.querySelectorAll(selector)].filter(isShown);
    memo?.candidates.set(selector, candidates);
  }
  const labels = labelsInOrder(locator.labels, language).map(normalize);
  if (locator.match === 'includes') {
    const names = candidates.map((el) => accessibleName(el, memo));
    for (const label of labels) {
      const i = names.findIndex((name) => name.includes(label));
      if (i >= 0) return candidates[i];
    }
    return undefined;
  }
  let first = memo?.firstByName.get(selector);
  if (!first) {
    first = new Map();
    for (const el of candidates) {
      const name = accessibleName(el, memo);
      if (!first.has(name)) first.set(name, el);
    }
    memo?.firstByName.set(selector, first);
  }
  for (const label of labels) {
    const el = first.get(label);
    if (el) return el;
  }
  return undefined;
}
