/** The launcher's and the export helpers' words in Dutch, key for key with en.ts. */
import type { BanqupPageKey } from './en';

export const nl: Record<BanqupPageKey, string> = {
  // The launcher button (lib/banqup-page/launcher): its accessible name and its text, the product's name.
  launcherLabel: 'De Yokoy-installatiegids openen',
  launcherText: 'Yokoy',
  // The export helpers (lib/banqup-page/export): the invoice page's button and the progress line.
  send: 'Naar Yokoy sturen',
  queued: 'In de wachtrij voor Yokoy.',
  already: 'Staat al in Yokoy.',
  needsSetup: 'Stel Yokoy Companion eerst in (open het via de werkbalk).',
  progress: 'Export naar Yokoy: {done} van {total}',
  failed: 'Kon niet in de wachtrij: {problem}',
  finished: 'Export naar Yokoy klaar: {done} van {total}',
};
