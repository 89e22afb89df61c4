/**
 * A section of the app catalogue (../app/index.ts): the options, import and reconcile pages' words.
 * Imported by those pages' entrypoints; importing it joins its keys to `translate`, then
 * `loadLanguage` fetches its language chunk.
 */
import { joinSection } from '../app';
import { defineSurface } from '../surface';
import { en, type PagesKey } from './en';

export const pagesText = defineSurface<PagesKey>(en, {
  pt: () => import('./pt').then((m) => m.pt),
  fr: () => import('./fr').then((m) => m.fr),
  nl: () => import('./nl').then((m) => m.nl),
  de: () => import('./de').then((m) => m.de),
});
joinSection(pagesText);
