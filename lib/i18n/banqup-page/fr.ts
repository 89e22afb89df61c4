/** The launcher's and the export helpers' words in French, key for key with en.ts. */
import type { BanqupPageKey } from './en';

export const fr: Record<BanqupPageKey, string> = {
  // The launcher button (lib/banqup-page/launcher): its accessible name and its text, the product's name.
  launcherLabel: 'Ouvrir le guide de configuration Yokoy',
  launcherText: 'Yokoy',
  // The export helpers (lib/banqup-page/export): the invoice page's button and the progress line.
  send: 'Envoyer à Yokoy',
  queued: 'En file pour Yokoy.',
  already: 'Déjà dans Yokoy.',
  needsSetup: 'Configurez d’abord Yokoy Companion (ouvrez-le depuis la barre d’outils).',
  progress: 'Export vers Yokoy : {done} sur {total}',
  failed: 'Mise en file impossible : {problem}',
  finished: 'Export vers Yokoy terminé : {done} sur {total}',
};
