/**
 * The extension's own pages (popup, options, import, reconcile) and the views in components/:
 * English is built in; each other language is its own chunk, loaded by the page before it
 * renders (`loadLanguage`), so a page ships one language, not four.
 */
import type { Language } from '../index';
import type { MessageParams } from '../format';
import { defineSurface, type Translate as SurfaceTranslate } from '../surface';
import { en, type MessageKey } from './en';

export type { MessageKey };
export type Translate = SurfaceTranslate<MessageKey>;

export const appText = defineSurface<MessageKey>(en, {
  pt: () => import('./pt').then((m) => m.pt),
  fr: () => import('./fr').then((m) => m.fr),
  nl: () => import('./nl').then((m) => m.nl),
  de: () => import('./de').then((m) => m.de),
});

/** A catalogue string with its parameters: numbers formatted and plural forms chosen for the language (lib/i18n/format). */
export const translate = (language: Language, key: MessageKey, params?: MessageParams) => appText.translate(language, key, params);
export const translator = (language: Language): Translate => appText.translator(language);
export const loadLanguage = (language: Language) => appText.load(language);
