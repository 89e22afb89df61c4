/**
 * Whether elements added to or removed from a page can change what a run of locators found
 * (./locate.ts), without running them again: on a 3,000-row list that redraws a row every
 * frame, each new row is a handful of candidates (a checkbox, a link) whose names match no
 * label, and a full run costs ~40 ms.
 *
 * Why the answer is exact: a locator returns the first shown element, in document order, that
 * a selector matches or whose accessible name is a label (labels in order). So a run's answer
 * changes only if
 * - an element it found goes (or moves: it is then among the removed nodes too);
 * - an element appears that a locator's selector matches or whose name matches a label (one
 *   named otherwise cannot come first: it is not found at all);
 * - a name changes: text inside a named element (the caller's to see: its candidates are
 *   relevant elements), or where the name was read from: a <label>, an aria-labelledby
 *   target, an id looked up (LocateMemo's `nameSources` and `nameIds`);
 * - an element is shown or hidden (an attribute: not a change of children, the caller's).
 * Other elements' matches cannot change with additions or removals elsewhere as long as no
 * selector depends on siblings or descendants (`+`, `~`, `:has`, `:nth-child`…): a unit test
 * holds the site data to that.
 */
import { accessibleName, isShown, labelsInOrder, normalize, type ControlLocator } from './locate';
import { languages } from '../i18n';

/** What a set of locators looks for: their selectors, and per candidate selector the names that would be found. */
export interface Sought {
  selectors: readonly string[];
  names: ReadonlyMap<string, { exact: ReadonlySet<string>; includes: readonly string[] }>;
}

const defaultCandidates = 'button, a, input, select, textarea, [role]';

/** `locators` in every language (a run tries the others after the page's); `selectors`: more to watch for (busy markers). */
export function soughtBy(locators: Iterable<ControlLocator>, selectors: readonly string[] = []): Sought {
  const all = new Set(selectors);
  const names = new Map<string, { exact: Set<string>; includes: string[] }>();
  for (const locator of locators) {
    for (const s of locator.selectors) all.add(s);
    if (!locator.labels) continue;
    const key = locator.candidates ?? defaultCandidates;
    let entry = names.get(key);
    if (!entry) names.set(key, (entry = { exact: new Set(), includes: [] }));
    // Every language's labels, the page's first: the order does not matter for a match.
    const labels = labelsInOrder(locator.labels, languages[0]!).map(normalize);
    if (locator.match === 'includes') entry.includes.push(...labels);
    else for (const label of labels) entry.exact.add(label);
  }
  return { selectors: [...all], names };
}

/** What the last run read (LocateMemo's `located`, `nameSources`, `nameIds`). */
export interface RunReads {
  located: ReadonlySet<Element>;
  nameSources: ReadonlyMap<Element, readonly Element[]>;
  nameIds: ReadonlyMap<string, readonly Element[]>;
}

const stillNaming = (named: readonly Element[] | undefined) => Boolean(named?.some((el) => el.isConnected));

function within(node: Element, selector: string): Element[] {
  try {
    const inside = [...node.querySelectorAll(selector)];
    return node.matches(selector) ? [node, ...inside] : inside;
  } catch {
    // A selector the browser rejects finds nothing in a run either (locate.ts skips it).
    return [];
  }
}

/** Whether a removed subtree held something the run found or read a name from. */
function removesRead(node: Element, reads: RunReads): boolean {
  for (const el of reads.located) if (node === el || node.contains(el)) return true;
  if (!reads.nameSources.size) return false;
  for (const el of within(node, 'label, [id]')) if (stillNaming(reads.nameSources.get(el))) return true;
  return false;
}

/** Whether an added subtree (in the page now) holds an element the locators would find, or renames one. */
function addsSought(node: Element, sought: Sought, reads: RunReads): boolean {
  for (const selector of sought.selectors) if (within(node, selector).length) return true;
  for (const el of within(node, 'label[for], [id]')) {
    const id = el.localName === 'label' && el.hasAttribute('for') ? el.getAttribute('for')! : el.id;
    if (stillNaming(reads.nameIds.get(id))) return true;
    // A label for a found control widens the guide's highlight (it draws the label too).
    for (const found of reads.located) if (found.id && found.id === id) return true;
  }
  const names = new Map<Element, string>();
  for (const [candidates, wanted] of sought.names) {
    for (const el of within(node, candidates)) {
      if (!isShown(el)) continue;
      let name = names.get(el);
      if (name === undefined) names.set(el, (name = accessibleName(el)));
      if (wanted.exact.has(name) || wanted.includes.some((label) => name.includes(label))) return true;
    }
  }
  return false;
}

/**
 * Whether a childList record's added or removed nodes may change the run (see the header).
 * Its target's own subtree (text inside a named element) is the caller's to judge.
 */
export function childrenMayChange(
  record: { addedNodes: Iterable<Node>; removedNodes: Iterable<Node> },
  sought: Sought,
  reads: RunReads,
): boolean {
  for (const node of record.removedNodes) if (node.nodeType === 1 && removesRead(node as Element, reads)) return true;
  for (const node of record.addedNodes) {
    // Gone again (a later record of the batch removed it): the page as it is now is what counts.
    if (node.nodeType !== 1 || !node.isConnected) continue;
    if (addsSought(node as Element, sought, reads)) return true;
  }
  return false;
}

/** Whether a change happened inside an element a name was read from (an aria-labelledby target). */
export function insideNameSource(record: MutationRecord, reads: RunReads): boolean {
  if (!reads.nameSources.size) return false;
  for (let el = record.target.nodeType === 1 ? (record.target as Element) : record.target.parentElement; el; el = el.parentElement)
    if (stillNaming(reads.nameSources.get(el))) return true;
  return false;
}
