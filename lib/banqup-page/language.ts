/**
 * The Banqup page's language for the launcher and the guide: the first supported tag among
 * `<html lang>` and the browser's ("pt-PT", "nl-BE"), else English. Its own tiny module so the
 * content script that runs on every Banqup page does not carry the guide's catalogues.
 */
import type { Language } from '../i18n';

const supported: readonly Language[] = ['en', 'pt', 'fr', 'nl', 'de'];

export function pickLanguage(...tags: (string | null | undefined)[]): Language {
  for (const tag of tags) {
    const base = tag?.toLowerCase().split(/[-_]/)[0];
    if (base && (supported as readonly string[]).includes(base)) return base as Language;
  }
  return 'en';
}
