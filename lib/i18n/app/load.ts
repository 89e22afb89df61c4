/** Loads one language's catalogue on demand (extension pages): each language is its own chunk. */
import { registerCatalogue, type Language } from '../index';

const loaders: Record<Exclude<Language, 'en'>, () => Promise<void>> = {
  pt: () => import('./pt').then((m) => registerCatalogue('pt', m.pt)),
  fr: () => import('./fr').then((m) => registerCatalogue('fr', m.fr)),
  nl: () => import('./nl').then((m) => registerCatalogue('nl', m.nl)),
  de: () => import('./de').then((m) => registerCatalogue('de', m.de)),
};

export async function loadLanguage(language: Language): Promise<void> {
  if (language !== 'en') await loaders[language]().catch(() => undefined);
}
