/** Reads which invoices are ticked in Banqup's list (pure over a document). */
import { uuidPattern } from '../../ids/ids';
import { banqupDocumentsSite as site } from '../../sites/banqup/documents';

export function tickedDocumentIds(doc: Document): string[] {
  const ids: string[] = [];
  for (const row of doc.querySelectorAll(site.row)) {
    const box = row.querySelector<HTMLInputElement>(site.rowCheckbox);
    const id = row.getAttribute(site.rowIdAttribute) ?? '';
    if (box?.checked && uuidPattern.test(id)) ids.push(id.toLowerCase());
  }
  return ids;
}

export function shownDocumentId(doc: Document): string | undefined {
  const id = doc.querySelector(site.detail)?.getAttribute(site.rowIdAttribute) ?? '';
  return uuidPattern.test(id) ? id.toLowerCase() : undefined;
}
