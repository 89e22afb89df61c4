/**
 * Banqup's document screens as data, for the export helpers: the purchase list's rows (each
 * names its document id) and their checkboxes, and the detail page (where to put "Send to
 * Yokoy"). A redesign on Banqup's side is an edit here.
 */
export const banqupDocumentsSite = {
  /** A list row that carries its document id. */
  row: '[data-document-id]:has(input[type="checkbox"])',
  rowCheckbox: 'input[type="checkbox"]',
  rowIdAttribute: 'data-document-id',
  /** The detail page's container naming the document shown. */
  detail: '.doc-layout[data-document-id], main [data-document-id]:not(:has(input[type="checkbox"]))',
  /** Where the "Send to Yokoy" button goes on the detail page (after the first match). */
  detailButtonAnchor: ['main h1', 'h1'],
} as const;
