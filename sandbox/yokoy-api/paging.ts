/**
 * `count` / `cursor` paging as the description words it (components.parameters):
 * - without `count`, no paging: everything, and neither `itemsPerPage` nor `nextCursor`;
 * - `count` at most 100 (more, zero, or not a number: 400 rather than silently clamping, so a
 *   client that asks for 500 finds out here and not from a short page in production);
 * - `cursor` only together with `count` (400 otherwise);
 * - `nextCursor` is present whenever the page is full ("if the number of items available is
 *   greater than or equal to `count`"), so a client may get one last, empty page without
 *   `nextCursor`: it must stop on a missing cursor, not on a short page alone.
 * The cursor is the ID of the page's last item (like the description's example cursor, which
 * looks like a document ID); an unknown cursor is a 400.
 */
import { apiError, type Reply } from './reply';

export interface Page<T> {
  items: T[];
  itemsPerPage?: number;
  nextCursor?: string;
}

/**
 * `items` must be in list order with increasing `order`; `orderOfCursor` finds the order of the
 * cursor's item even if a filter now excludes it (its custom information may have changed).
 */
export function paginate<T extends { id: string; order: number }>(
  items: T[],
  query: URLSearchParams,
  orderOfCursor: (cursor: string) => number | undefined,
): Page<T> | { reply: Reply } {
  const countParam = query.get('count');
  const cursor = query.get('cursor');
  if (countParam === null) {
    if (cursor !== null) return { reply: apiError(400, 'ValidationError: cursor can only be used together with count') };
    return { items };
  }
  const count = Number(countParam);
  if (countParam.trim() === '' || !Number.isInteger(count) || count < 1 || count > 100)
    return { reply: apiError(400, 'ValidationError: count must be an integer between 1 and 100') };
  let start = 0;
  if (cursor !== null) {
    const after = orderOfCursor(cursor);
    if (after === undefined) return { reply: apiError(400, 'ValidationError: invalid cursor') };
    start = items.findIndex((item) => item.order > after);
    if (start < 0) start = items.length;
  }
  const page = items.slice(start, start + count);
  const last = page[page.length - 1];
  return { items: page, itemsPerPage: page.length, ...(page.length === count && last ? { nextCursor: last.id } : {}) };
}
