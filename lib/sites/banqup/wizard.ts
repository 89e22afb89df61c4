/**
 * Everything the guide knows about classic Banqup's accounting-app wizard, as data: the screens
 * of the setup (how to recognise each), the controls of FLOW A1–A14 (how to find each) and
 * Banqup's labels per language. New Banqup (app launcher, Store, extensions) is in
 * ./platforms.ts, which also tells the two apart.
 *
 * Every label names where it comes from (a key of ./sources.ts: a public help article
 * listed in REAL-PRODUCTS.md) or says `ours` (no article shows that word in that language: our
 * translation, modelled on the sourced ones). Locators find controls by those labels
 * (accessible name, tolerant of case, spacing and accents: lib/in-page/locate.ts); nothing here relies on
 * attributes we invented, because real Banqup has none of ours. Structural selectors (a password
 * input, a select) stay where no label can do. A Banqup redesign is an edit here only.
 */
import type { Language } from '../../i18n';
import type { BanqupSource } from './sources';
import type { ControlLocator } from '../../in-page/locate';
import type { Labels } from '../yokoy/web';

/** One label in one language and where it was read. */
export type SourcedLabel = readonly [text: string, source: BanqupSource];
export type SourcedLabels = Record<Language, readonly SourcedLabel[]>;

/** Banqup's own words, per language, with their source (the first of each list is the one the guide quotes). */
export const banqupLabelSources = {
  /** The classic main menu's entry (left). */
  applications: {
    pt: [['Aplicações', 'pt-yokoy']],
    en: [['Apps', 'en-31669']],
    fr: [
      ['Applications', 'fr-13971398279964'],
      ['Apps', 'fr-13971398279964'],
    ],
    nl: [['Apps', 'nl-21069']],
    de: [['Apps', 'ours']],
  },
  accountingApp: {
    pt: [['Aplicação de Contabilidade', 'pt-yokoy']],
    en: [['Accounting app', 'en-31669']],
    fr: [['Application de comptabilité', 'fr-13971398279964']],
    nl: [['Boekhoud-app', 'nl-21069']],
    de: [['Buchhaltungs-App', 'ours']],
  },
  activate: {
    pt: [['Ativar', 'pt-yokoy']],
    en: [['Activate', 'en-31669']],
    fr: [['Activer', 'fr-13971398279964']],
    nl: [['Activeren', 'nl-21069']],
    de: [['Aktivieren', 'ours']],
  },
  onlineConnection: {
    pt: [['Conexão on-line', 'pt-yokoy']],
    en: [['Online Connection', 'en-31669']],
    fr: [['Connexion en ligne', 'ours']],
    nl: [['Online verbinding', 'ours']],
    de: [['Online Verbindung', 'de-406316']],
  },
  /** A switch's "on" state as the wizard prints it. */
  enabled: {
    pt: [['Ativado', 'pt-yokoy']],
    en: [['ON', 'en-405388']],
    fr: [['ON', 'fr-13971398279964']],
    nl: [['AAN', 'nl-21069']],
    de: [['AN', 'ours']],
  },
  next: {
    pt: [['Seguinte', 'pt-yokoy']],
    en: [['Next', 'en-31669']],
    fr: [['Suivant', 'fr-13971398279964']],
    nl: [['Volgende', 'nl-21069']],
    de: [['Weiter', 'ours']],
  },
  /** The package screen's button (the Yokoy article says "Próximo" there, "Seguinte" before). */
  proceed: {
    pt: [['Próximo', 'pt-yokoy']],
    en: [['Next', 'en-31669']],
    fr: [['Suivant', 'fr-13971398279964']],
    nl: [['Volgende', 'nl-21069']],
    de: [['Weiter', 'ours']],
  },
  /** The last button of some channels' wizard (Next → Finish). */
  finish: {
    pt: [['Concluir', 'ours']],
    en: [['Finish', 'en-405388']],
    fr: [['Terminer', 'ours']],
    nl: [['Voltooien', 'nl-21069']],
    de: [['Fertigstellen', 'ours']],
  },
  exportInvoices: {
    pt: [['Exportação de faturas para contabilidade', 'pt-yokoy']],
    en: [['Invoices export for accounting', 'ours']],
    fr: [['Export des factures pour la comptabilité', 'ours']],
    nl: [['Export van facturen voor de boekhouding', 'ours']],
    de: [['Rechnungs-Export für die Buchhaltung', 'ours']],
  },
  exportBankStatements: {
    pt: [['Exportação de extratos bancários para contabilidade', 'pt-yokoy']],
    en: [['Bank statements export for accounting', 'en-405388']],
    fr: [['Export des extraits bancaires pour la comptabilité', 'ours']],
    nl: [['Export van bankafschriften voor de boekhouding', 'ours']],
    de: [['Bankauszug-Export für die Buchhaltung', 'de-406316']],
  },
  yokoy: {
    pt: [['Yokoy', 'pt-yokoy']],
    en: [['Yokoy', 'pt-yokoy']],
    fr: [['Yokoy', 'pt-yokoy']],
    nl: [['Yokoy', 'pt-yokoy']],
    de: [['Yokoy', 'pt-yokoy']],
  },
  clientId: {
    pt: [['ID de cliente Yokoy', 'pt-yokoy']],
    en: [['Yokoy client ID', 'ours']],
    fr: [['ID client Yokoy', 'ours']],
    nl: [['Yokoy client-ID', 'ours']],
    de: [['Yokoy Client-ID', 'ours']],
  },
  clientSecret: {
    pt: [['segredo do cliente Yokoy', 'pt-yokoy']],
    en: [['Yokoy client secret', 'ours']],
    fr: [['Secret client Yokoy', 'ours']],
    nl: [['Yokoy clientgeheim', 'ours']],
    de: [['Yokoy Client-Secret', 'ours']],
  },
  organizationId: {
    pt: [['ID da organização Yokoy', 'pt-yokoy']],
    en: [['Yokoy organization ID', 'ours']],
    fr: [['ID d’organisation Yokoy', 'ours']],
    nl: [['Yokoy organisatie-ID', 'ours']],
    de: [['Yokoy Organisations-ID', 'ours']],
  },
  signIn: {
    pt: [['Iniciar sessão com Yokoy', 'pt-yokoy']],
    en: [['Sign in with Yokoy', 'ours']],
    fr: [['Se connecter avec Yokoy', 'ours']],
    nl: [['Aanmelden met Yokoy', 'ours']],
    de: [['Mit Yokoy anmelden', 'ours']],
  },
  signedIn: {
    pt: [['Sessão iniciada com Yokoy', 'ours']],
    en: [['Signed in with Yokoy', 'ours']],
    fr: [['Connecté avec Yokoy', 'ours']],
    nl: [['Aangemeld met Yokoy', 'ours']],
    de: [['Mit Yokoy angemeldet', 'ours']],
  },
  terms: {
    pt: [
      ['condições de serviço', 'pt-yokoy'],
      ['Termos de serviço', 'pt-406317'],
    ],
    en: [['Terms of Service', 'en-405388']],
    fr: [['conditions d’utilisation', 'ours']],
    nl: [['servicevoorwaarden', 'ours']],
    de: [['Nutzungsbedingungen', 'de-406316']],
  },
  connect: {
    pt: [['Ligar', 'pt-yokoy']],
    en: [['Connect', 'en-31669']],
    fr: [['Connecter', 'ours']],
    nl: [['Verbinden', 'ours']],
    de: [['Verbinden', 'de-406316']],
  },
  legalEntity: {
    pt: [['entidade jurídica', 'pt-yokoy']],
    en: [['Legal entity', 'ours']],
    fr: [['Entité juridique', 'ours']],
    nl: [['Juridische entiteit', 'ours']],
    de: [['Rechtseinheit', 'ours']],
  },
  legalEntityConfirm: {
    pt: [['Confirmo que a entidade jurídica selecionada está correta.', 'ours']],
    en: [['I confirm that the selected legal entity is correct.', 'ours']],
    fr: [['Je confirme que l’entité juridique sélectionnée est correcte.', 'ours']],
    nl: [['Ik bevestig dat de geselecteerde juridische entiteit juist is.', 'ours']],
    de: [['Ich bestätige, dass die ausgewählte Rechtseinheit korrekt ist.', 'ours']],
  },
  connectedToYokoy: {
    pt: [['Ligada a Yokoy', 'ours']],
    en: [['Connected to Yokoy', 'ours']],
    fr: [['Connectée à Yokoy', 'ours']],
    nl: [['Verbonden met Yokoy', 'ours']],
    de: [['Verbunden mit Yokoy', 'ours']],
  },
  // Screen headings (main h1), to recognise a screen even when its controls moved. All ours:
  // no article quotes the wizard's headings.
  connectionTitle: {
    pt: [['Tipo de ligação', 'ours']],
    en: [['Connection type', 'ours']],
    fr: [['Type de connexion', 'ours']],
    nl: [['Type verbinding', 'ours']],
    de: [['Verbindungsart', 'ours']],
  },
  exportTypeTitle: {
    pt: [['O que pretende exportar?', 'ours']],
    en: [['What do you want to export?', 'ours']],
    fr: [['Que souhaitez-vous exporter ?', 'ours']],
    nl: [['Wat wilt u exporteren?', 'ours']],
    de: [['Was möchten Sie exportieren?', 'ours']],
  },
  packageTitle: {
    pt: [['Escolha o seu software de contabilidade', 'ours']],
    en: [['Choose your accounting software', 'ours']],
    fr: [['Choisissez votre logiciel comptable', 'ours']],
    nl: [['Kies uw boekhoudpakket', 'ours']],
    de: [['Wählen Sie Ihre Buchhaltungssoftware', 'ours']],
  },
  yokoyTitle: {
    pt: [['Ligar a Yokoy', 'ours']],
    en: [['Connect to Yokoy', 'ours']],
    fr: [['Se connecter à Yokoy', 'ours']],
    nl: [['Verbinden met Yokoy', 'ours']],
    de: [['Mit Yokoy verbinden', 'ours']],
  },
  legalEntityTitle: {
    pt: [['Selecione a entidade jurídica', 'ours']],
    en: [['Select the legal entity', 'ours']],
    fr: [['Sélectionnez l’entité juridique', 'ours']],
    nl: [['Selecteer de juridische entiteit', 'ours']],
    de: [['Wählen Sie die Rechtseinheit', 'ours']],
  },
} satisfies Record<string, SourcedLabels>;

export type BanqupLabel = keyof typeof banqupLabelSources;

/** The texts alone, per language (what the locator matches). */
export function textsOf(sourced: SourcedLabels): Labels {
  return {
    pt: sourced.pt.map((l) => l[0]),
    en: sourced.en.map((l) => l[0]),
    fr: sourced.fr.map((l) => l[0]),
    nl: sourced.nl.map((l) => l[0]),
    de: sourced.de.map((l) => l[0]),
  };
}

export const banqupLabels = Object.fromEntries(Object.entries(banqupLabelSources).map(([k, v]) => [k, textsOf(v)])) as Record<
  BanqupLabel,
  Labels
>;

/** The label the guide quotes for a key, in the page's language. */
export const banqupLabel = (key: BanqupLabel, language: Language): string => banqupLabels[key][language][0] ?? banqupLabels[key].en[0]!;

const L = banqupLabels;
const heading = (labels: Labels): ControlLocator => ({ selectors: [], labels, candidates: 'main h1' });
const both = (a: Labels, b: Labels): Labels => ({
  pt: [...a.pt, ...b.pt],
  en: [...a.en, ...b.en],
  fr: [...a.fr, ...b.fr],
  nl: [...a.nl, ...b.nl],
  de: [...a.de, ...b.de],
});

/** The controls of FLOW A, by what they are (steps.ts says which step uses which). */
export const banqupControls = {
  /** A1: "Apps" in the main menu, on the left (classic); it opens the apps (Invoicing Services …). */
  appsMenu: { selectors: [], labels: L.applications, candidates: 'nav button, nav a, aside button, aside a' },
  /** A1 done: that entry is expanded (ARIA state, no attribute of ours). */
  appsMenuOpen: { selectors: ['nav [aria-haspopup][aria-expanded="true"]', 'aside [aria-haspopup][aria-expanded="true"]'] },
  /** A2: the Accounting app in the open menu, or its Activate (on the apps list or on the app's own page). */
  accountingMenuItem: {
    selectors: [],
    labels: L.accountingApp,
    candidates: 'nav [role="menuitem"], aside [role="menuitem"], nav a, aside a',
  },
  activateAccounting: { selectors: [], labels: L.activate, candidates: 'main button' },
  /** A3 */
  onlineConnection: { selectors: [], labels: L.onlineConnection, candidates: '[role="switch"], input[type="checkbox"]' },
  wizardNext: { selectors: [], labels: L.next, candidates: 'main button' },
  /** A4 */
  exportInvoices: { selectors: [], labels: L.exportInvoices, candidates: 'input[type="radio"]' },
  /** A5 */
  yokoyPackage: { selectors: [], labels: L.yokoy, candidates: 'input[type="radio"]' },
  packageNext: { selectors: [], labels: L.proceed, candidates: 'main button' },
  /** A6–A8: the secret only ever in a password field, so no locator here may match another. */
  clientId: { selectors: [], labels: L.clientId, candidates: 'input:not([type="password"])' },
  clientSecret: { selectors: ['input[type="password"]'], labels: L.clientSecret, candidates: 'input[type="password"]' },
  organizationId: { selectors: [], labels: L.organizationId, candidates: 'input:not([type="password"])' },
  /** A9 */
  signIn: { selectors: [], labels: L.signIn, candidates: 'button, a' },
  signedIn: { selectors: [], labels: L.signedIn, candidates: 'main [role="status"]' },
  /** A10 */
  terms: { selectors: [], labels: L.terms, candidates: 'input[type="checkbox"]', match: 'includes' },
  /** A11 */
  connect: { selectors: [], labels: L.connect, candidates: 'main button' },
  /** A12 */
  legalEntity: { selectors: [], labels: L.legalEntity, candidates: 'select' },
  /** A13: the confirmation, then Activate (the Yokoy article) or Finish (other channels end so). */
  confirmLegalEntity: { selectors: [], labels: L.legalEntityConfirm, candidates: 'input[type="checkbox"]' },
  activate: { selectors: [], labels: both(L.activate, L.finish), candidates: 'main button' },
  /** A14: the dashboard's (or the app page's) "connected to Yokoy" line. */
  connected: { selectors: [], labels: L.connectedToYokoy, candidates: 'main p', match: 'includes' },
} satisfies Record<string, ControlLocator>;

export type BanqupControl = keyof typeof banqupControls;

export type ScreenId = 'connected' | 'legalEntity' | 'yokoy' | 'package' | 'exportType' | 'connection' | 'accountingApp' | 'apps' | 'other';

export interface ScreenSignals {
  id: Exclude<ScreenId, 'other'>;
  /** URL paths (regular expressions over the pathname). Ours: real Banqup's paths are not documented. */
  paths: RegExp[];
  /** Anything on the page that says "this screen" (a heading, a control). */
  marks: ControlLocator[];
}

/** Screens in the order they are tested: the most specific first. */
export const banqupScreens: ScreenSignals[] = [
  { id: 'connected', paths: [], marks: [banqupControls.connected] },
  { id: 'legalEntity', paths: [/^\/apps\/accounting\/legal-entity\/?$/], marks: [heading(L.legalEntityTitle), banqupControls.legalEntity] },
  { id: 'yokoy', paths: [/^\/apps\/accounting\/yokoy\/?$/], marks: [heading(L.yokoyTitle), banqupControls.clientId] },
  { id: 'package', paths: [/^\/apps\/accounting\/package\/?$/], marks: [heading(L.packageTitle), banqupControls.yokoyPackage] },
  { id: 'exportType', paths: [/^\/apps\/accounting\/export\/?$/], marks: [heading(L.exportTypeTitle), banqupControls.exportInvoices] },
  {
    id: 'connection',
    paths: [/^\/apps\/accounting\/connection\/?$/],
    marks: [heading(L.connectionTitle), banqupControls.onlineConnection],
  },
  { id: 'accountingApp', paths: [/^\/apps\/accounting\/?$/], marks: [heading(L.accountingApp)] },
  { id: 'apps', paths: [/^\/apps\/?$/], marks: [heading(L.applications)] },
];

/** While Banqup draws a screen (a spinner, a busy root), the guide keeps what it showed. Ours (the look-alike's). */
export const banqupBusy = ['main .loading', '#root[aria-busy="true"]'];
