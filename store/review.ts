/**
 * What the stores' review forms ask besides the listing: a justification for every permission
 * the manifest requests (Chrome's "Privacy practices" tab, AMO's reviewer notes), the single
 * purpose, and the data-use answers. Each answer restates PRIVACY.md; scripts/store.ts refuses
 * a build whose manifest requests a permission or host with no justification here.
 */

export const singlePurpose =
  'Connect a Banqup account to a Yokoy account: check and keep the Yokoy API credentials, guide the user through Banqup’s Yokoy setup, and send Banqup invoices to Yokoy’s API exactly once.';

function banqup(host: string): string {
  return `${host}: Banqup is one of the two services the extension connects. It reads the user’s own Banqup documents (UBL and PDF) with the user’s Banqup session to send them to Yokoy, and shows the setup guide, the launcher and “Send to Yokoy” on Banqup’s pages. Nothing is written to Banqup.`;
}
function yokoyWeb(host: string): string {
  return `${host}: on the Developer page (Perk: Developer tools > Spend tools) the extension offers to keep the organization ID and the one-time client secret, only on the user’s click and only after the user confirms it in the extension’s popup.`;
}
function yokoyApi(host: string): string {
  return `${host}: receives the credentials check (the only request that carries the client secret) and the invoices the user sends.`;
}

/** Keyed by the manifest's permission names and host patterns (required and optional). */
export const permissionJustifications: Record<string, string> = {
  storage:
    'Keeps the settings, the credential metadata (client ID, organization ID, chosen legal entity, last verification) and the export state in storage.local; short-lived Yokoy access tokens only in memory-only storage.session. The client secret is not stored here but encrypted (AES-GCM, non-extractable key) in the extension’s IndexedDB.',
  contextMenus: 'Adds “Send to Yokoy” (and “Send N selected invoices to Yokoy”) to the context menu on Banqup pages only.',
  alarms:
    'Wakes the export queue for a delayed retry (Yokoy’s rate limit, a network failure) after the browser stopped the service worker, so an export started by the user finishes without the popup open.',
  notifications:
    'Optional, asked when the user starts a backfill: one notification when the run ends or needs attention. Declining costs only the notification.',
  // One entry per exact host the manifest names (lib/sites/hosts.ts, issue 12).
  'https://app.banqup.com/*': banqup('Banqup’s web app'),
  'https://app.btx.banqup.com/*': banqup('the new Banqup platform’s web app'),
  'https://app.yokoy.ai/*': yokoyWeb('Yokoy’s web app'),
  'https://app.test.yokoy.ai/*': yokoyWeb('Yokoy’s test environment'),
  'https://app.perk.com/*': yokoyWeb('Perk’s web app (Yokoy is becoming Perk)'),
  'https://accounts.yokoy.ai/*': yokoyApi('Yokoy’s token endpoint'),
  'https://api.yokoy.ai/*': yokoyApi('Yokoy’s API'),
  'https://accounts.test.yokoy.ai/*': yokoyApi('the token endpoint of Yokoy’s test environment'),
  'https://api.test.yokoy.ai/*': yokoyApi('the API of Yokoy’s test environment'),
  'https://*/*':
    'Optional, never granted at install: asked for one origin only when the user saves a custom Yokoy address (a company proxy or a staging host) or another Banqup host in the options. Only the saved address is requested.',
};

export const remoteCode =
  'No. Everything the extension runs is in the package; the content security policy is the browser’s default (no eval, no remote scripts).';

/** Chrome Web Store, Privacy practices → Data usage. */
export const chromeDataUsage = {
  collected: {
    'Authentication information': 'The Yokoy client ID and client secret the user enters or captures; sent only to Yokoy’s token endpoint.',
    'Financial and payment information':
      'Purchase invoices (UBL, PDF, number, supplier, amount, currency, date) read from the user’s Banqup account and sent to the user’s Yokoy account.',
    'Website content':
      'On Yokoy’s Developer page: the organization ID and the one-time credentials dialog, read only to offer them to the user and kept only on the user’s click.',
  },
  notCollected: [
    'Personally identifiable information',
    'Health information',
    'Personal communications',
    'Location',
    'Web history',
    'User activity',
  ],
  certifications: [
    'I do not sell or transfer user data to third parties, outside of the approved use cases (the data goes only to the user’s own Yokoy account, at the user’s request).',
    'I do not use or transfer user data for purposes that are unrelated to my item’s single purpose.',
    'I do not use or transfer user data to determine creditworthiness or for lending purposes.',
  ],
  privacyPolicy: 'PRIVACY.md in the repository (publish it at a URL on a domain the publisher owns and link it in both stores).',
} as const;

/** Firefox: what manifest.json declares in browser_specific_settings.gecko.data_collection_permissions (wxt.config.ts). */
export const firefoxDataCollection = {
  required: ['authenticationInfo', 'financialAndPaymentInfo'],
  explanation:
    'authenticationInfo: the Yokoy client ID and secret, sent to Yokoy’s token endpoint only. financialAndPaymentInfo: the user’s invoices, from Banqup to Yokoy. Both go only to those two services, at the user’s request; nothing goes to the extension’s authors.',
} as const;
