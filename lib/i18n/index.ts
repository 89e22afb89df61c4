/**
 * The one language module: the languages the companion speaks and how a surface picks one.
 * It holds no strings, so every bundle (the Banqup content script, the page module, the worker)
 * may import it without carrying a catalogue.
 *
 * The rest of lib/i18n, one room for every string the user reads:
 * - format.ts: numbers, amounts, dates and plurals through `Intl`, and `interpolate`, the one
 *   `{name}` filler every surface uses.
 * - surface.ts: the one catalogue shape: English is the typed source of the keys, pt/fr/nl/de are
 *   `Record<Key, string>`, bundled with the surface or loaded on demand.
 * - One folder per surface, each shipped only where that surface runs:
 *   app/ (popup, options, import, reconcile: one language chunk loaded per page), one catalogue
 *   shape in three sections so the popup's first view carries only its own words: app/ itself
 *   (the first view and what every page shares), export/ (the popup's later tabs and the run's
 *   progress, a chunk loaded on demand), pages/ (options, import, reconcile),
 *   guide/ (the setup guide on Banqup, in the guide module),
 *   banqup-page/ (the launcher and the export helpers, in the Banqup page module),
 *   assistant/ (the assistant on Yokoy's pages, in the Yokoy content script).
 * - browser.ts with public/_locales/<lang>/messages.json: what follows the browser's language
 *   rather than a page's (the manifest's name and description, the context menu, notifications).
 */

export const languages = ['en', 'pt', 'fr', 'nl', 'de'] as const;
export type Language = (typeof languages)[number];

/**
 * The first supported language among the candidates (BCP 47 tags such as "pt-PT", "nl_BE"), else
 * English. In-page UI passes the page's `<html lang>` first, then the browser's language, so it
 * speaks the language of the page it sits on.
 */
export function pickLanguage(...candidates: (string | null | undefined)[]): Language {
  for (const tag of candidates) {
    const base = tag?.toLowerCase().split(/[-_]/)[0];
    if (base && (languages as readonly string[]).includes(base)) return base as Language;
  }
  return 'en';
}

/**
 * The extension's own pages (popup, options, import): an explicit choice (`?lang=`), else the
 * user's preferred languages in browser order (`navigator.languages`, which a German browser
 * puts first), else the browser's UI language. The preferred languages come first because they
 * are the user's own ordering and what Banqup's and Yokoy's pages follow, so the companion
 * speaks the language of the pages it sits beside.
 */
export function preferredLanguage(
  explicit: string | null | undefined,
  uiLanguage: string | undefined,
  nav: { languages?: readonly string[]; language?: string } | undefined = globalThis.navigator,
): Language {
  return pickLanguage(explicit, ...(nav?.languages ?? []), nav?.language, uiLanguage);
}
