/**
 * The guide's words in English: the source of the keys (pt, fr, nl, de must have every one).
 * `{applications}` and the like quote Banqup's own label in the page's language
 * (lib/sites/banqup/wizard.ts); `{n}`, `{name}`… are filled by the caller. One or two sentences per
 * step: what to do, and why. Its own surface, so only the guide module carries it.
 */
export const en = {
  title: 'Connect Banqup to Yokoy',
  progress: 'Step {n} of {total}',
  back: 'Back',
  next: 'Next',
  close: 'Close the guide',
  doneIt: 'I’ve done this',
  notFound:
    'I can’t find “{control}” on this page: Banqup may have changed it. Look for it as described, do the step there, then press “I’ve done this”.',
  preview: 'You are at step {n}.',
  current: 'Go to step {n}',
  A1t: 'Open the Apps menu',
  A1: 'Click “{applications}” in Banqup’s main menu on the left. The app that sends your invoices to Yokoy is there.',
  A2t: 'Activate the Accounting app',
  A2: 'Choose “{accountingApp}” and click “{activate}”. Banqup exports to accounting software through this app.',
  A3t: 'Switch on the online connection',
  A3: 'Set “{onlineConnection}” to “{enabled}”, then click “{next}”. Banqup then sends documents to Yokoy directly.',
  A4t: 'Export invoices',
  A4: 'Choose “{exportInvoices}”, then click “{next}”. Yokoy needs invoices: its API has nowhere to receive bank statements, so “{exportBankStatements}” would send Yokoy nothing.',
  A5t: 'Pick Yokoy',
  A5: 'Select “Yokoy” in the list of apps, then click “{proceed}”.',
  A6t: 'Enter the client ID',
  A6: 'Fill in “{clientId}”: Yokoy Companion fills it from its vault with the ID you verified.',
  A7t: 'Enter the client secret',
  A7: 'Fill in “{clientSecret}”: the secret goes from the encrypted vault into this password field only.',
  A8t: 'Enter the organization ID',
  A8: 'Fill in “{organizationId}”: it tells Yokoy which organization receives the invoices.',
  A9t: 'Sign in with Yokoy',
  A9: 'Click “{signIn}”, sign in to Yokoy and allow Banqup. You come back here and the guide carries on.',
  A10t: 'Accept the terms of service',
  A10: 'Read the “{terms}” and tick the box: Banqup needs your consent to send invoice data to Yokoy.',
  A11t: 'Connect',
  A11: 'Click “{connect}”: Banqup checks the three values with Yokoy.',
  A12t: 'Choose the legal entity',
  A12: 'Choose the “{legalEntity}” whose invoices Banqup sends to Yokoy.',
  A13t: 'Confirm and activate',
  A13: 'Tick the confirmation box, then click “{activate}”.',
  A14t: 'Connected to Yokoy',
  A14: 'Banqup is connected to Yokoy. It exports only documents that arrive from now on; Yokoy Companion can send the earlier ones.',
  fill: 'Fill from Yokoy Companion',
  missing: 'Yokoy Companion doesn’t have this value yet: find it on Yokoy’s Developer page, where the companion can save it.',
  openYokoy: 'Open Yokoy’s Developer page',
  verified: 'Yokoy Companion verified these three values live with Yokoy.',
  notVerified:
    'These values have not been verified with Yokoy. Open Yokoy Companion from the toolbar and press “Save and verify” before you connect.',
  recheck: 'Check again',
  entities: 'Legal entities Yokoy returned for these credentials:',
  chosen: 'chosen in Yokoy Companion',
  choose: 'Select “{name}”',
  noEntities: 'Verify your credentials in Yokoy Companion to see your legal entities here.',
  exportFirst: 'Export earlier invoices',
  // Issue 12: Fill refused (the field is not Banqup's own, located when the step began).
  fillRefused: 'This field is not the one the guide showed on Banqup’s setup page, so nothing was filled. Reload the page and try again.',
  // New Banqup (app launcher, Banqup Store): no Yokoy extension there (lib/sites/banqup/platforms.ts).
  newTitle: 'This is the new Banqup',
  newSeen: 'Here apps open from the app launcher (the grid icon){apps}, and integrations are extensions of the Banqup Store.',
  newApps: ': {apps}',
  newCannot: 'The Banqup Store has no Yokoy extension, so Banqup itself cannot send your invoices to Yokoy on this platform.',
  newOffer:
    'Yokoy Companion can send them itself, without Banqup’s connector: it reads your approved purchase invoices and exports them to Yokoy.',
  newExport: 'Export invoices with Yokoy Companion',
};

export type GuideKey = keyof typeof en;
