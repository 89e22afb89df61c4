/**
 * The launcher's and the export helpers' words on Banqup pages, in English: the source of the
 * keys. Both run in the Banqup page module, which carries this surface and no other.
 */
export const en = {
  // The launcher button (lib/banqup-page/launcher): its accessible name and its text, the product's name.
  launcherLabel: 'Open the Yokoy setup guide',
  launcherText: 'Yokoy',
  // The export helpers (lib/banqup-page/export): the invoice page's button and the progress line.
  send: 'Send to Yokoy',
  queued: 'Queued for Yokoy.',
  already: 'Already in Yokoy.',
  needsSetup: 'Set up Yokoy Companion first (open it from the toolbar).',
  progress: 'Yokoy export: {done} of {total}',
  failed: 'Could not queue: {problem}',
  finished: 'Yokoy export finished: {done} of {total}',
};

export type BanqupPageKey = keyof typeof en;
