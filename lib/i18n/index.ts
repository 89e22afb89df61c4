/**
 * The extension's own catalogue, not `browser.i18n`: views speak the language of the page
 * they sit on, which can differ from the browser's UI language. English is built in; the
 * others are registered by `all.ts` (worker, content scripts) or loaded on demand by `load.ts`
 * (the popup and options, so they ship one language, not four).
 */
import { en, type MessageKey } from './app/en';
import { interpolate, type MessageParams } from './format';

export const languages = ['en', 'pt', 'fr', 'nl', 'de'] as const;
export type Language = (typeof languages)[number];
export type { MessageKey };

const catalogues: Partial<Record<Language, Record<MessageKey, string>>> = { en };

export function registerCatalogue(language: Language, catalogue: Record<MessageKey, string>): void {
  catalogues[language] = catalogue;
}

/** The first supported language among the candidates (BCP 47 tags such as "pt-PT"), else English. */
export function pickLanguage(...candidates: (string | null | undefined)[]): Language {
  for (const tag of candidates) {
    const base = tag?.toLowerCase().split(/[-_]/)[0];
    if (base && (languages as readonly string[]).includes(base)) return base as Language;
  }
  return 'en';
}

/**
 * The extension's own views (popup, options, notifications, context menu): an explicit choice
 * (`?lang=`), else the user's preferred languages in browser order (`navigator.languages`,
 * which a German browser puts first), else the browser's UI language. The preferred languages
 * come first because they are the user's own ordering and what Banqup's and Yokoy's pages
 * follow, so the companion speaks the language of the pages it sits beside.
 */
export function preferredLanguage(
  explicit: string | null | undefined,
  uiLanguage: string | undefined,
  nav: { languages?: readonly string[]; language?: string } | undefined = globalThis.navigator,
): Language {
  return pickLanguage(explicit, ...(nav?.languages ?? []), nav?.language, uiLanguage);
}

/** A catalogue string with its parameters: numbers formatted and plural forms chosen for the language (lib/i18n/format). */
export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
  // English stands in for a string a catalogue lacks, rather than breaking the view.
  const text = catalogues[language]?.[key] ?? en[key];
  return interpolate(language, text, params);
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function translator(language: Language): Translate {
  return (key, params) => translate(language, key, params);
}
