/**
 * Banqup runs on two platforms (REAL-PRODUCTS.md §1), and the guide must know which one a
 * page belongs to before it says anything:
 * - classic Banqup (Billtobox lineage): main menu on the left, Apps → Accounting app → the
 *   online-connection wizard, where Yokoy is one of the packages (./wizard.ts);
 * - new Banqup (app.btx.banqup.com): an app launcher (a grid-of-dots icon) with apps such as
 *   Purchase Invoices, the Banqup Store, integrations as "extensions" (Discover more → Install
 *   → Manage → Active), spaces. No Yokoy extension has been found there, so Banqup itself
 *   cannot send to Yokoy on this platform; the companion's own export can.
 * As data: hosts, locators and labels with their sources (./sources.ts keys, or `ours`).
 */
import type { Language } from '../../i18n';
import { textsOf, type SourcedLabels } from './wizard';
import { locateControl, visibleText, type ControlLocator } from '../../in-page/locate';
import type { Labels } from '../yokoy/web';

export type BanqupPlatform = 'classic' | 'new';

export const newPlatformLabelSources = {
  appLauncher: {
    pt: [['Iniciador de aplicações', 'ours']],
    en: [['App launcher', 'new-en-251598']],
    fr: [['Lanceur d’applications', 'new-fr-284370']],
    nl: [['app launcher', 'new-nl-428976']],
    de: [['App-Launcher', 'new-de-246753']],
  },
  discoverMore: {
    pt: [['Descobrir mais', 'ours']],
    en: [['Discover more', 'new-en-251598']],
    fr: [['Découvrir plus', 'new-fr-284370']],
    nl: [['Ontdek de Banqup Store', 'new-nl-428976']],
    de: [['Entdecken Sie Mehr', 'new-de-246753']],
  },
  store: {
    pt: [['Banqup Store', 'new-en-251598']],
    en: [['Banqup Store', 'new-en-251598']],
    fr: [['Banqup Store', 'new-fr-284370']],
    nl: [['Banqup Store', 'new-nl-428976']],
    de: [['Banqup Store', 'new-de-246753']],
  },
  install: {
    pt: [['Instalar', 'ours']],
    en: [['Install', 'new-en-251598']],
    fr: [['Installer', 'new-fr-284370']],
    nl: [['Installeren', 'new-nl-428976']],
    de: [['Installieren', 'new-de-246753']],
  },
  manage: {
    pt: [['Gerir', 'ours']],
    en: [['Manage', 'new-en-281195']],
    fr: [['Gérer', 'new-fr-284370']],
    nl: [['Beheren', 'new-nl-428976']],
    de: [['Verwalten', 'ours']],
  },
  active: {
    pt: [['Ativo', 'ours']],
    en: [['Active', 'new-en-281195']],
    fr: [['Actif', 'new-fr-284370']],
    nl: [['Actief', 'new-nl-428976']],
    de: [['Aktiv', 'ours']],
  },
  purchaseInvoices: {
    pt: [['Faturas de compra', 'ours']],
    en: [['Purchase Invoices', 'new-en-251598']],
    fr: [['Factures d’achat', 'ours']],
    nl: [['Aankoopfacturen', 'new-nl-428976']],
    de: [['Eingangsrechnungen', 'new-de-246753']],
  },
} satisfies Record<string, SourcedLabels>;

const N = Object.fromEntries(Object.entries(newPlatformLabelSources).map(([k, v]) => [k, textsOf(v)])) as Record<
  keyof typeof newPlatformLabelSources,
  Labels
>;
export const newPlatformLabels = N;

/** The extensions the help centre names for the new platform's Store (REAL-PRODUCTS.md §1). Yokoy is not among them. */
export const newPlatformExtensions = ['Exact Online', 'Octopus', 'Pingwin', 'Count-e', 'Google Drive', 'Dropbox', 'SFTP'] as const;

export const newPlatformControls = {
  /** The launcher's grid icon. `data-testid="btx-app-launcher…"` is from public test code (banqup-api.md C4). */
  appLauncher: {
    selectors: ['[data-testid="btx-app-launcher"]', 'button[data-testid^="btx-app-launcher"]:not([data-testid*="-app-"])'],
    labels: N.appLauncher,
    candidates: 'header button, nav button, button',
  },
  /** An app in the launcher: `btx-app-launcher-app-purchase-invoices` is the one C4 clicks. */
  launcherApps: { selectors: ['[data-testid^="btx-app-launcher-app-"]'] },
  discoverMore: { selectors: [], labels: N.discoverMore, candidates: 'a, button' },
} satisfies Record<string, ControlLocator>;

/** New Banqup's web-app hosts: app.btx.banqup.com (S23) and app.test.btx.banqup.com (C3, C4). */
export const newPlatformHost = /(^|\.)btx\.banqup\.com$/;

export interface PlatformReading {
  platform: BanqupPlatform;
  /** New platform: the apps the launcher shows (names as the page gives them), when it is open or rendered. */
  apps: string[];
  /** New platform: the Store is on screen or linked ("Discover more"). */
  store: boolean;
}

/**
 * Which platform this page belongs to: the host first (app.*btx.banqup.com is new Banqup),
 * then what the page shows (the app launcher, the Store). Everything else is classic, the
 * platform the accounting-app wizard belongs to.
 */
export function detectPlatform(doc: Document, location: Pick<Location, 'hostname'>, language: Language): PlatformReading {
  const launcher = locateControl(doc, newPlatformControls.appLauncher, language);
  const byHost = newPlatformHost.test(location.hostname);
  if (!byHost && !launcher) return { platform: 'classic', apps: [], store: false };
  const apps = [...doc.querySelectorAll(newPlatformControls.launcherApps.selectors[0]!)]
    .map((el) => (el.getAttribute('aria-label') ?? visibleText(el)).replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const store =
    Boolean(locateControl(doc, newPlatformControls.discoverMore, language)) || (doc.body?.textContent ?? '').includes('Banqup Store');
  return { platform: 'new', apps: [...new Set(apps)], store };
}
