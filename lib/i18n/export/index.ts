/**
 * A section of the app catalogue (../app/index.ts): the export and its history. Imported by the
 * popup's later tabs (components/PopupTabs.tsx) and the import and reconcile pages; importing it
 * joins its keys to `translate`, then `loadLanguage` fetches its language chunk.
 */
import { joinSection } from '../app';
import { defineSurface } from '../surface';
import { en, type ExportKey } from './en';

export const exportText = defineSurface<ExportKey>(en, {
  pt: () => import('./pt').then((m) => m.pt),
  fr: () => import('./fr').then((m) => m.fr),
  nl: () => import('./nl').then((m) => m.nl),
  de: () => import('./de').then((m) => m.de),
});
joinSection(exportText);
