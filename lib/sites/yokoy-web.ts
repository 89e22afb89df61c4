/**
 * Everything we know about Yokoy's web app, as data: where the Developer page is, how to find
 * the organization ID, the one-time credentials dialog and the "no Developer role" page, with
 * labels per language. A redesign on Yokoy's side is an edit here and nowhere else.
 */
export const yokoyWebSite = {
  developerPath: '/admin/developer',
} as const;
