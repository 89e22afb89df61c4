// @vitest-environment happy-dom
// (reads a Banqup list and detail page built as markup)
/**
 * The export helpers' reading of Banqup's list: the ticked rows' ids in order (a row is ticked
 * by its first checkbox), the document a detail page shows, and which added or removed
 * elements can change either (the rest of a big list redrawing is not read at all).
 */
import { describe, expect, it } from 'vitest';
import { holdsDetail, holdsTickedBox, redrawnAsWas, shownDocument, tickedDocumentIds } from '../../lib/banqup-page/export/selection';

const ids = ['0b7c9e1a-8f7e-4a55-9d0e-3c2f1a4b5c6d', '1c8d0f2b-9a8f-4b66-8e1f-4d3a2b5c6d7e', '2d9e1a3c-0b9a-4c77-9f2a-5e4b3c6d7e8f'];
const row = (id: string, ticked = false, extra = '') =>
  `<tr data-document-id="${id}"><td><input type="checkbox"${ticked ? ' checked' : ''}></td><td>${extra}</td></tr>`;

function list(html: string): Document {
  document.body.innerHTML = `<main><table><tbody>${html}</tbody></table></main>`;
  return document;
}

describe("reading Banqup's list for the export", () => {
  it('gives the ticked rows in order, each once, by their first checkbox only', () => {
    const doc = list(
      row(ids[0]!, true) +
        row(ids[1]!) +
        row(ids[2]!, true) +
        row('not-a-uuid', true) +
        row(ids[1]!, false, '<input type="checkbox" checked>'),
    );
    expect(tickedDocumentIds(doc)).toEqual([ids[0], ids[2]]);
    (doc.querySelectorAll('input[type="checkbox"]')[1] as HTMLInputElement).checked = true;
    expect(tickedDocumentIds(doc)).toEqual([ids[0], ids[1], ids[2]]);
  });

  it('tells a ticked row coming or going from the rest of the list redrawing', () => {
    const doc = list(row(ids[0]!, true) + row(ids[1]!));
    const [ticked, plain] = [...doc.querySelectorAll('tr')];
    expect(holdsTickedBox(ticked!)).toBe(true);
    expect(holdsTickedBox(plain!)).toBe(false);
    expect(holdsTickedBox(doc.createTextNode('x'))).toBe(false);
    ticked!.remove();
    // Removed, it still says it held a ticked box (the selection lost it).
    expect(holdsTickedBox(ticked!)).toBe(true);
  });

  it('tells a ticked row redrawn as it was (the selection unchanged) from one that changes it', () => {
    const doc = list(row(ids[0]!, true) + row(ids[1]!) + row(ids[2]!, true));
    const observer = new MutationObserver(() => undefined);
    observer.observe(doc.body, { childList: true, subtree: true });
    const records = (change: () => void) => {
      change();
      return observer.takeRecords();
    };
    const rows = () => [...doc.querySelectorAll('tr')];
    // One record, as a browser makes for a replacement (happy-dom makes two).
    const redraw = (el: Element, edit?: (fresh: Element) => void) => {
      const fresh = el.cloneNode(true) as Element;
      edit?.(fresh);
      el.replaceWith(fresh);
      observer.takeRecords();
      return redrawnAsWas({ addedNodes: [fresh], removedNodes: [el] });
    };
    expect(redraw(rows()[0]!)).toBe(true);
    expect(tickedDocumentIds(doc)).toEqual([ids[0], ids[2]]);
    expect(redraw(rows()[0]!, (fresh) => ((fresh.querySelector('input') as HTMLInputElement).checked = false))).toBe(false);
    expect(redraw(rows()[2]!, (fresh) => fresh.setAttribute('data-document-id', ids[1]!))).toBe(false);
    // Only a cell redrawn: its ticked box's row is outside the change.
    expect(redraw(rows()[2]!.querySelector('td')!)).toBe(false);
    // Moved to the end (out of order): removed while in the page, then added.
    expect(records(() => rows()[0]!.parentElement!.append(rows()[0]!)).some((r) => !redrawnAsWas(r))).toBe(true);
    observer.disconnect();
  });

  it('finds the document a detail page shows, and tells its arrival from a row', () => {
    document.body.innerHTML = `<main><div class="doc-layout" data-document-id="${ids[2]!.toUpperCase()}"><h1>INV-9</h1></div></main>`;
    expect(shownDocument(document)?.id).toBe(ids[2]);
    expect(holdsDetail(document.querySelector('main')!)).toBe(true);
    const doc = list(row(ids[0]!));
    expect(shownDocument(doc)).toBeUndefined();
    expect(holdsDetail(doc.querySelector('tr')!)).toBe(false);
  });
});
