/**
 * The extension's own catalogue, not `browser.i18n`: the guide must speak the language of the
 * Banqup page it sits on, which can differ from the browser's UI language.
 */
import { en, type MessageKey } from './en';
import { fr } from './fr';
import { nl } from './nl';
import { pt } from './pt';

export const languages = ['en', 'pt', 'fr', 'nl'] as const;
export type Language = (typeof languages)[number];
export type { MessageKey };

const catalogues: Record<Language, Record<MessageKey, string>> = { en, pt, fr, nl };

/** The first supported language among the candidates (BCP 47 tags such as "pt-PT"), else English. */
export function pickLanguage(...candidates: (string | null | undefined)[]): Language {
  for (const tag of candidates) {
    const base = tag?.toLowerCase().split(/[-_]/)[0];
    if (base && (languages as readonly string[]).includes(base)) return base as Language;
  }
  return 'en';
}

export function translate(language: Language, key: MessageKey, params: Record<string, string> = {}): string {
  // English stands in for a string a catalogue lacks, rather than breaking the view.
  const text = catalogues[language][key] ?? en[key];
  return text.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);
}

export function translator(language: Language) {
  return (key: MessageKey, params?: Record<string, string>) => translate(language, key, params);
}
