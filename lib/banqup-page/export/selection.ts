/**
 * Reads which invoices are ticked in Banqup's list and which one the detail page shows (pure
 * over a document), and tells which DOM changes can change either: a 3,000-row list redrawn
 * every frame must not be re-read every frame (issue 16).
 */
import { uuidPattern } from '../../ids/ids';
import { banqupDocumentsSite as site } from '../../sites/banqup/documents';

const rowOf = (box: Element) => box.closest(`[${site.rowIdAttribute}]`);

/** The ticked rows' ids, in the list's order. One pass over the checkboxes (no `:has` per row). */
export function tickedDocumentIds(doc: ParentNode): string[] {
  const ids: string[] = [];
  for (const box of doc.querySelectorAll<HTMLInputElement>(site.rowCheckbox)) {
    if (!box.checked) continue;
    const row = rowOf(box);
    // A row is ticked by its first checkbox (the one the list draws for it).
    if (!row || row.querySelector(site.rowCheckbox) !== box) continue;
    const id = row.getAttribute(site.rowIdAttribute) ?? '';
    if (uuidPattern.test(id)) ids.push(id.toLowerCase());
  }
  return ids;
}

export function shownDocument(doc: ParentNode): { id: string; el: Element } | undefined {
  const el = doc.querySelector(site.detail);
  const id = el?.getAttribute(site.rowIdAttribute) ?? '';
  return el && uuidPattern.test(id) ? { id: id.toLowerCase(), el } : undefined;
}

const isElement = (node: Node): node is Element => node.nodeType === 1;

/** Whether an element added or removed holds a ticked box (then the selection may have changed). */
export function holdsTickedBox(node: Node): boolean {
  if (!isElement(node)) return false;
  if (node.matches(site.rowCheckbox)) return (node as HTMLInputElement).checked;
  for (const box of node.querySelectorAll<HTMLInputElement>(site.rowCheckbox)) if (box.checked) return true;
  return false;
}

/** Whether an element added is, or holds, a detail page's document (its subtree only, not the page). */
export function holdsDetail(node: Node): boolean {
  if (!isElement(node)) return false;
  try {
    return node.matches(site.detail) || node.querySelector(site.detail) !== null;
  } catch {
    return true;
  }
}

/** The ticked ids that whole rows in `nodes` carry, in order; undefined when a ticked box in them belongs to no row inside them. */
function tickedWithin(nodes: Iterable<Node>): string[] | undefined {
  const ids: string[] = [];
  for (const node of nodes) {
    if (!isElement(node)) continue;
    const boxes = node.matches(site.rowCheckbox) ? [node] : node.querySelectorAll(site.rowCheckbox);
    for (const box of boxes) {
      if (!(box as HTMLInputElement).checked) continue;
      const row = rowOf(box);
      if (!row || !node.contains(row)) return undefined;
    }
    ids.push(...tickedDocumentIds(node));
  }
  return ids;
}

/**
 * Whether one change put back, in the same place, rows ticked as the ones it took away (a
 * list redrawing a row as it was): then the selection, in the list's order, is as it was. A
 * record's added nodes stand where its removed ones stood; a node moved on since (removed but
 * in the page, added but gone) or a ticked box whose row is outside the change tells nothing.
 */
export function redrawnAsWas(record: { addedNodes: Iterable<Node>; removedNodes: Iterable<Node> }): boolean {
  const added = [...record.addedNodes];
  const removed = [...record.removedNodes];
  if (removed.some((n) => n.isConnected) || added.some((n) => !n.isConnected)) return false;
  const before = tickedWithin(removed);
  const after = tickedWithin(added);
  return before !== undefined && after !== undefined && before.join(',') === after.join(',');
}
