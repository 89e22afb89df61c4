/** The launcher's and the export helpers' words in German, key for key with en.ts. */
import type { BanqupPageKey } from './en';

export const de: Record<BanqupPageKey, string> = {
  // The launcher button (lib/banqup-page/launcher): its accessible name and its text, the product's name.
  launcherLabel: 'Die Yokoy-Einrichtungsanleitung öffnen',
  launcherText: 'Yokoy',
  // The export helpers (lib/banqup-page/export): the invoice page's button and the progress line.
  send: 'An Yokoy senden',
  queued: 'Für Yokoy eingereiht.',
  already: 'Bereits in Yokoy.',
  needsSetup: 'Richten Sie zuerst Yokoy Companion ein (in der Symbolleiste des Browsers öffnen).',
  progress: 'Yokoy-Export: {done} von {total}',
  failed: 'Einreihen nicht möglich: {problem}',
  finished: 'Yokoy-Export abgeschlossen: {done} von {total}',
};
