/**
 * The one catalogue shape, for every surface that draws words (lib/i18n/index.ts lists them).
 * A surface's English catalogue is the typed source of its keys; each other language is a
 * `Record<Key, string>`, either bundled (a content script or page module cannot split chunks)
 * or a loader (an extension page fetches only the language it shows). A key a catalogue lacks,
 * or a language not loaded yet, reads in English rather than breaking the view.
 */
import type { Language } from './index';
import { interpolate, type MessageParams, type Unfilled } from './format';

export type Messages<K extends string> = Readonly<Record<K, string>>;
export type Translate<K extends string> = (key: K, params?: MessageParams) => string;

type Other = Exclude<Language, 'en'>;

export interface Surface<K extends string> {
  readonly en: Messages<K>;
  /** Makes a language's catalogue available (a loader's result, or a test's). */
  register(language: Language, messages: Messages<K>): void;
  /** Fetches a lazily loaded language; resolves at once for a bundled one or English. */
  load(language: Language): Promise<void>;
  translate(language: Language, key: K, params?: MessageParams, unfilled?: Unfilled): string;
  translator(language: Language, unfilled?: Unfilled): Translate<K>;
}

export function defineSurface<K extends string>(
  en: Messages<K>,
  others: { [L in Other]: Messages<K> | (() => Promise<Messages<K>>) },
): Surface<K> {
  const catalogues: Partial<Record<Language, Messages<K>>> = { en };
  const loaders: Partial<Record<Language, () => Promise<Messages<K>>>> = {};
  for (const [language, source] of Object.entries(others) as [Other, Messages<K> | (() => Promise<Messages<K>>)][]) {
    if (typeof source === 'function') loaders[language] = source;
    else catalogues[language] = source;
  }
  const translate = (language: Language, key: K, params: MessageParams = {}, unfilled?: Unfilled) =>
    interpolate(language, catalogues[language]?.[key] ?? en[key], params, unfilled);
  return {
    en,
    register(language, messages) {
      catalogues[language] = messages;
    },
    async load(language) {
      const loader = loaders[language];
      if (catalogues[language] || !loader) return;
      // A chunk that fails to load (an extension update removed it) leaves the view in English.
      const messages = await loader().catch(() => undefined);
      if (messages) catalogues[language] = messages;
    },
    translate,
    translator: (language, unfilled) => (key, params) => translate(language, key, params, unfilled),
  };
}
