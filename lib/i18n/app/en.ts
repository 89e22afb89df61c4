/**
 * The extension pages' words in English that the popup shows first (status, connection, credentials, the
 * pending capture, the footer) and every page shares: the source of the keys every other language must
 * provide. The later tabs' words are in ../export, the other pages' in ../pages (app/index.ts joins them).
 */
export const en = {
  productName: 'Yokoy Companion for Banqup',
  version: 'Version {version}',
  statusHeading: 'Connection',
  statusLoading: 'Checking the connection…',
  statusNotSetUp: 'Not set up yet',
  statusUnverified: 'Saved, not verified yet',
  statusVerified: 'Connected to Yokoy (organization {organizationId})',
  statusVerifiedEntity: 'Connected to Yokoy: {legalEntity}',
  statusFailing: 'Connection failing: {reason}',
  statusUnavailable: 'The extension could not answer: {reason}',

  credentialsHeading: 'Yokoy credentials',
  fieldClientId: 'Client ID',
  fieldClientSecret: 'Client secret',
  fieldOrganizationId: 'Organization ID',
  secretStored: 'Stored encrypted. Type to replace it.',
  secretReveal: 'Hold to show the secret',
  findOrganizationId: 'Find my organization ID',
  findOrganizationIdUnavailable: 'Set Yokoy’s address in Settings first.',
  verify: 'Save and verify',
  verifying: 'Verifying with Yokoy…',
  verified: 'Verified: Yokoy accepted these credentials.',
  legalEntityHeading: 'Legal entity',
  legalEntityHint: 'The company in Yokoy that receives the invoices.',
  legalEntityChosen: '{name} is selected.',
  legalEntityNone: 'Yokoy returned no legal entity for this organization. Ask your Yokoy administrator.',
  settings: 'Settings',
  pendingAdopt: 'Use the new ones',
  pendingDiscard: 'Keep the current ones',

  fixLabelRemoved: 'Removed “{label}” that came along with the paste.',
  fixQuotesRemoved: 'Removed the quotes around the value.',
  fixWhitespaceRemoved: 'Removed spaces and line breaks around the value.',
  checkEmpty: 'Required.',
  checkBadCharacter: '“{character}” (character {position}) cannot be part of a {field}. Copy it again from Yokoy.',
  checkBadCharacterSpace: 'A space (character {position}) cannot be part of a {field}. Copy it again from Yokoy.',
  checkLooksLikeClientSecret:
    'This looks like a client secret. It goes in the “Client secret” field; the client ID is the other value in Yokoy’s credentials dialog.',
  checkLooksLikeOrganizationId:
    'This looks like an organization ID. It goes in the “Organization ID” field; the client ID is in Yokoy’s credentials dialog.',
  checkLooksLikeClientId: 'This looks like a client ID. It goes in the “Client ID” field.',
  checkLooksLikeLegalEntityId:
    'This is a legal entity’s ID, not the organization’s. The organization ID is in the top-right corner of Yokoy’s Developer page.',
  checkUnusualFormat: 'Yokoy organization IDs are usually 10 or 20 letters and digits. Check that it was copied whole.',

  failureInvalidClient:
    'Yokoy did not accept this client ID and secret. Copy both again from Admin → Developer in Yokoy (in Perk: Developer tools → Spend tools); if the secret is lost, generate new credentials there.',
  failureOrganizationMismatch:
    'These credentials do not belong to organization “{organizationId}”. Copy the organization ID from the top-right corner of Admin → Developer or Admin → Organization in Yokoy (in Perk: Developer tools → Spend tools).',
  failureMissingPermission:
    'Yokoy refused: these credentials lack a permission. Ask your Yokoy administrator for the Developer role, then generate the credentials again.',
  failureNotFound: 'Yokoy did not find what was asked for. Verify the connection again.',
  failureValidation: 'Yokoy refused the data: {detail}',
  failureConflict: 'Yokoy reported a conflict: {detail}',
  failureRateLimited: 'Yokoy is busy (too many requests). Try again in a minute.',
  failureServer: 'Yokoy is having trouble right now. Try again later; nothing was changed.',
  failureNetwork: 'Yokoy could not be reached. Check your internet connection and try again.',
  failureMalformedAnswer: 'Yokoy answered in a way we could not read. Try again later.',
  failureUnauthorized: 'Yokoy refused the access token. Verify again; if it persists, generate new credentials in Yokoy.',
  failureNotConfigured: 'No Yokoy address is set. Open Settings and choose the environment.',
  failureInvoiceGone: 'Sent, but Yokoy no longer has the invoice (it was deleted there), so it could not be tied to this document.',
  failureLegalEntityGone:
    'The legal entity chosen for exports is no longer in Yokoy. Verify again in the popup and pick another; the export waits.',
  failureSaveRefused: 'Not saved: {problem}',
  failureNoAnswer:
    'The extension did not answer ({detail}). Try again; if it keeps happening, reload the extension on the browser’s extensions page.',

  setUpInBanqup: 'Set up in Banqup',
  tabConnection: 'Connection',
  tabExport: 'Export',
  tabHistory: 'History',
  importOpen: 'Import files',
  // Issue 12: capture confirmation, address checks, the secret bound to its Yokoy.
  pendingTitle: 'Confirm the credentials captured on Yokoy’s page',
  pendingChangeOrganization: 'Organization ID: {from} → {to}',
  pendingChangeClientId: 'Client ID: {from} → {to}',
  pendingChangeSecret: 'A new client secret (not shown)',
  pendingNone: 'none',
  pendingEntityKept: 'Legal entity: {name} (unchanged)',
  pendingEntityAgain: 'Legal entity: chosen again once Yokoy has verified the new credentials (now: {name})',
  pendingKeepsCurrent:
    'Until you confirm, the companion keeps using the current credentials. Confirm only if you just saved these values yourself on Yokoy’s page.',
  reconcileOpen: 'Reconcile with Yokoy',
};
export type AppKey = keyof typeof en;
