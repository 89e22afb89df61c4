/**
 * Where Banqup's labels come from: the public help articles (no account was used), as listed
 * in REAL-PRODUCTS.md §2. lib/sites/banqup/wizard.ts and platforms.ts name one of these keys
 * beside every label, or `ours` where no article shows the word (our translation, to be
 * replaced when someone reads the real screen). Data only; nothing imports it at run time
 * except the tests that check every label names a source.
 */
export const banqupSources = {
  /** The Yokoy integration article (Portuguese), classic platform: the whole A1–A13 wording. */
  'pt-yokoy': 'https://help.banqup.com/pt/articles/405136',
  /** Portuguese classic accounting-app article (terms of service spelled "Termos de serviço"). */
  'pt-406317': 'https://help.banqup.com/pt/articles/406317',
  /** English classic: Apps → Invoicing Services → Accounting app → Activate → Online Connection … Finish. */
  'en-31669': 'https://intercom-help.eu/unifiedpost/en/articles/31669',
  'en-405388': 'https://help.banqup.com/en/articles/405388',
  'en-402249': 'https://support.billtobox.com/en/articles/402249',
  /** French classic: "Application de comptabilité", ON, Activer, Suivant. */
  'fr-13971398279964': 'https://help.billtobox.com/hc/fr-be/articles/13971398279964',
  /** Dutch classic: Apps, "Boekhoud-app", AAN, Activeren, Volgende, Voltooien. */
  'nl-21069': 'https://intercom-help.eu/unifiedpost/nl/articles/21069',
  /** German classic: "Online Verbindung", "Bankauszug-Export für die Buchhaltung", "Nutzungsbedingungen", "Verbinden". */
  'de-406316': 'https://help.banqup.com/de/articles/406316',
  /** New platform (app launcher, Banqup Store, extensions). */
  'new-en-251598': 'https://support.banqup.com/en/articles/251598',
  'new-en-281195': 'https://support.banqup.com/en/articles/281195',
  'new-fr-284370': 'https://support.banqup.com/fr/articles/284370',
  'new-nl-428976': 'https://support.banqup.com/nl/articles/428976',
  'new-de-246753': 'https://support.banqup.com/de-form/articles/246753',
  /** Public Playwright test against app.test.btx.banqup.com (banqup-api.md C4): the launcher's test ids. */
  'new-code-c4': 'banqup-api.md C4 (public test code: data-testid="btx-app-launcher-app-purchase-invoices")',
  /** The purchase-invoice statuses (new platform help and the API guide). */
  'statuses-352568': 'https://support.banqup.com/en/articles/352568',
  'statuses-api': 'https://docs.btx.banqup.com/docs/api-guides/e-invoicing/purchase-invoice-flow',
} as const;

export type BanqupSource = keyof typeof banqupSources | 'ours';
