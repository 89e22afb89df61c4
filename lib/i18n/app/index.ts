/**
 * The extension pages (popup, options, import, reconcile) and the views in components/: one
 * catalogue shape, `MessageKey`, in three sections so a page carries only the words it shows:
 * - this folder: what the popup shows first and every page shares, its English built in;
 * - ../export: the popup's later tabs (export, history) and the run's progress;
 * - ../pages: the options, import and reconcile pages.
 * A section's module joins itself here when its chunk is evaluated (`joinSection`); each
 * language other than English is its own chunk per section, loaded by `loadLanguage` before a
 * view that needs it renders, so a page ships one language, not four.
 */
import type { Language } from '../index';
import type { MessageParams, Unfilled } from '../format';
import type { ExportKey } from '../export/en';
import type { PagesKey } from '../pages/en';
import { defineSurface, type Surface, type Translate as SurfaceTranslate } from '../surface';
import { en, type AppKey } from './en';

export type { AppKey, ExportKey, PagesKey };
export type MessageKey = AppKey | ExportKey | PagesKey;
export type Translate = SurfaceTranslate<MessageKey>;

const first = defineSurface<AppKey>(en, {
  pt: () => import('./pt').then((m) => m.pt),
  fr: () => import('./fr').then((m) => m.fr),
  nl: () => import('./nl').then((m) => m.nl),
  de: () => import('./de').then((m) => m.de),
});

// Every key has one owner, the section whose English catalogue names it: one lookup per string.
// Stored as Surface<string>: a section is only ever asked for the keys it owns.
const sections: Surface<string>[] = [];
const owner = new Map<string, Surface<string>>();

/** Called by ../export and ../pages as their module is evaluated: their keys translate from then on. */
export function joinSection<K extends string>(section: Surface<K>): void {
  const joined = section as unknown as Surface<string>;
  if (sections.includes(joined)) return;
  sections.push(joined);
  for (const key of Object.keys(section.en)) owner.set(key, joined);
}
joinSection(first);

export const appText = {
  en,
  /** The language's chunk of every section joined so far. */
  load: (language: Language) => Promise.all(sections.map((section) => section.load(language))).then(() => undefined),
  /** A key whose section has not joined yet (a chunk not loaded) reads as the key, never as a crash. */
  translate: (language: Language, key: MessageKey, params?: MessageParams, unfilled?: Unfilled) =>
    owner.get(key)?.translate(language, key, params, unfilled) ?? key,
  translator:
    (language: Language, unfilled?: Unfilled): Translate =>
    (key, params) =>
      appText.translate(language, key, params, unfilled),
};

/** A catalogue string with its parameters: numbers formatted and plural forms chosen for the language (lib/i18n/format). */
export const translate = (language: Language, key: MessageKey, params?: MessageParams) => appText.translate(language, key, params);
export const translator = (language: Language): Translate => appText.translator(language);
export const loadLanguage = (language: Language) => appText.load(language);
