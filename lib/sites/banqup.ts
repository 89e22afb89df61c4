/**
 * Everything the guide knows about Banqup's pages, as data: the screens of the accounting-app
 * setup (how to recognise each), the controls of FLOW A1–A14 (how to find each) and Banqup's
 * labels per language. Locators list stable attributes first (data-qa, ids, names, roles),
 * then labels, which the locator tries in the page's language first and then in the others.
 *
 * Portuguese labels are quoted from Banqup's help article; en/fr/nl are ours (no source
 * confirmed them). A Banqup redesign is an edit here only. The guide also quotes these labels
 * in its own sentences, so the user reads the words their screen shows.
 */
import type { Language } from '../i18n';
import type { ControlLocator } from './locate';
import type { Labels } from './yokoy-web';

// German: none sourced yet (issue 14); an empty list makes the locator try the other languages.
const l = (pt: string, en: string, fr: string, nl: string): Labels => ({ pt: [pt], en: [en], fr: [fr], nl: [nl], de: [] });

/** Banqup's own words, per language (the first of each list is the one the guide quotes). */
export const banqupLabels = {
  applications: l('Aplicações', 'Applications', 'Applications', 'Applicaties'),
  accountingApp: l('Aplicação de Contabilidade', 'Accounting application', 'Application comptable', 'Boekhoudapplicatie'),
  activate: l('Ativar', 'Activate', 'Activer', 'Activeren'),
  onlineConnection: l('Conexão on-line', 'Online connection', 'Connexion en ligne', 'Online verbinding'),
  enabled: l('Ativado', 'Enabled', 'Activée', 'Ingeschakeld'),
  next: l('Seguinte', 'Next', 'Suivant', 'Volgende'),
  proceed: l('Próximo', 'Next', 'Suivant', 'Volgende'),
  exportInvoices: l('Exportação de faturas para contabilidade', 'Invoice export to accounting', 'Export des factures vers la comptabilité', 'Export van facturen naar boekhouding'),
  exportBankStatements: l(
    'Exportação de extratos bancários para contabilidade',
    'Bank statement export to accounting',
    'Export des extraits bancaires vers la comptabilité',
    'Export van bankafschriften naar boekhouding',
  ),
  yokoy: l('Yokoy', 'Yokoy', 'Yokoy', 'Yokoy'),
  clientId: l('ID de cliente Yokoy', 'Yokoy client ID', 'ID client Yokoy', 'Yokoy client-ID'),
  clientSecret: l('segredo do cliente Yokoy', 'Yokoy client secret', 'Secret client Yokoy', 'Yokoy clientgeheim'),
  organizationId: l('ID da organização Yokoy', 'Yokoy organization ID', 'ID d’organisation Yokoy', 'Yokoy organisatie-ID'),
  signIn: l('Iniciar sessão com Yokoy', 'Sign in with Yokoy', 'Se connecter avec Yokoy', 'Aanmelden met Yokoy'),
  signedIn: l('Sessão iniciada com Yokoy', 'Signed in with Yokoy', 'Connecté avec Yokoy', 'Aangemeld met Yokoy'),
  terms: l('condições de serviço', 'terms of service', 'conditions d’utilisation', 'servicevoorwaarden'),
  connect: l('Ligar', 'Connect', 'Connecter', 'Verbinden'),
  legalEntity: l('entidade jurídica', 'Legal entity', 'Entité juridique', 'Juridische entiteit'),
  legalEntityConfirm: l(
    'Confirmo que a entidade jurídica selecionada está correta.',
    'I confirm that the selected legal entity is correct.',
    'Je confirme que l’entité juridique sélectionnée est correcte.',
    'Ik bevestig dat de geselecteerde juridische entiteit juist is.',
  ),
  connectedToYokoy: l('Ligada a Yokoy', 'Connected to Yokoy', 'Connectée à Yokoy', 'Verbonden met Yokoy'),
  // Screen headings (main h1), to recognise a screen even when its controls moved.
  connectionTitle: l('Tipo de ligação', 'Connection type', 'Type de connexion', 'Type verbinding'),
  exportTypeTitle: l('O que pretende exportar?', 'What do you want to export?', 'Que souhaitez-vous exporter ?', 'Wat wilt u exporteren?'),
  packageTitle: l('Escolha o seu software de contabilidade', 'Choose your accounting software', 'Choisissez votre logiciel comptable', 'Kies uw boekhoudpakket'),
  yokoyTitle: l('Ligar a Yokoy', 'Connect to Yokoy', 'Se connecter à Yokoy', 'Verbinden met Yokoy'),
  legalEntityTitle: l('Selecione a entidade jurídica', 'Select the legal entity', 'Sélectionnez l’entité juridique', 'Selecteer de juridische entiteit'),
} satisfies Record<string, Labels>;

export type BanqupLabel = keyof typeof banqupLabels;

/** The label the guide quotes for a key, in the page's language. */
export const banqupLabel = (key: BanqupLabel, language: Language): string => banqupLabels[key][language][0] ?? banqupLabels[key].en[0]!;

const L = banqupLabels;
const heading = (labels: Labels): ControlLocator => ({ selectors: [], labels, candidates: 'main h1' });

/** The controls of FLOW A, by what they are (steps.ts says which step uses which). */
export const banqupControls = {
  /** A1: the header's Applications button (app launcher). */
  appLauncher: { selectors: ['[data-qa="app-launcher"]'], labels: L.applications, candidates: 'header button' },
  /** A1 done: the Applications menu is open. */
  appsMenuOpen: { selectors: ['[data-qa="app-launcher"][aria-expanded="true"] + [role="menu"]'], labels: L.applications, candidates: '[role="menu"]' },
  /** A2: the Accounting app in the open menu, or its Activate button on the apps pages. */
  accountingMenuItem: { selectors: ['[role="menu"] a[href$="/apps/accounting"]'], labels: L.accountingApp, candidates: '[role="menuitem"]' },
  activateAccounting: { selectors: ['[data-qa="activate-accounting-app"]'], labels: L.activate, candidates: 'main button' },
  /** A3 */
  onlineConnection: { selectors: ['[data-qa="online-connection-switch"]'], labels: L.onlineConnection, candidates: '[role="switch"], input[type="checkbox"]' },
  wizardNext: { selectors: ['[data-qa="wizard-next"]'], labels: L.next, candidates: 'main button' },
  /** A4 */
  exportInvoices: { selectors: ['input[name="exportType"][value="invoices"]'], labels: L.exportInvoices, candidates: 'input[type="radio"]' },
  /** A5 */
  yokoyPackage: { selectors: ['[data-qa="package-yokoy"] input', 'input[name="package"][value="yokoy"]'], labels: L.yokoy, candidates: 'input[type="radio"]' },
  packageNext: { selectors: ['[data-qa="package-next"]'], labels: L.proceed, candidates: 'main button' },
  /** A6–A8: the secret only ever in a password field, so no selector here may match another. */
  clientId: { selectors: ['[data-qa="yokoy-client-id"]', 'input[name="clientId"]'], labels: L.clientId, candidates: 'input:not([type="password"])' },
  clientSecret: { selectors: ['input[type="password"][name="clientSecret"]'], labels: L.clientSecret, candidates: 'input[type="password"]' },
  organizationId: { selectors: ['[data-qa="yokoy-organization-id"]', 'input[name="organizationId"]'], labels: L.organizationId, candidates: 'input:not([type="password"])' },
  /** A9 */
  signIn: { selectors: ['[data-qa="yokoy-sign-in"]'], labels: L.signIn, candidates: 'button, a' },
  signedIn: { selectors: ['[data-qa="yokoy-signed-in"]'], labels: L.signedIn, candidates: 'main [role="status"]' },
  /** A10 */
  terms: { selectors: ['input[name="termsAccepted"]'], labels: L.terms, candidates: 'input[type="checkbox"]', match: 'includes' },
  /** A11 */
  connect: { selectors: ['[data-qa="yokoy-connect"]'], labels: L.connect, candidates: 'button' },
  /** A12 */
  legalEntity: { selectors: ['[data-qa="legal-entity-select"]', 'select[name="legalEntityId"]'], labels: L.legalEntity, candidates: 'select' },
  /** A13 */
  confirmLegalEntity: { selectors: ['input[name="confirmed"]'], labels: L.legalEntityConfirm, candidates: 'input[type="checkbox"]' },
  activate: { selectors: ['[data-qa="accounting-activate"]'], labels: L.activate, candidates: 'main button' },
  /** A14: the dashboard's (or the app page's) "connected to Yokoy" line. */
  connected: { selectors: ['[data-qa="accounting-connected"]'], labels: L.connectedToYokoy, candidates: 'main p', match: 'includes' },
} satisfies Record<string, ControlLocator>;

export type BanqupControl = keyof typeof banqupControls;

export type ScreenId = 'connected' | 'legalEntity' | 'yokoy' | 'package' | 'exportType' | 'connection' | 'accountingApp' | 'apps' | 'other';

export interface ScreenSignals {
  id: Exclude<ScreenId, 'other'>;
  /** URL paths (regular expressions over the pathname). */
  paths: RegExp[];
  /** Anything on the page that says "this screen" (a heading, a control). */
  marks: ControlLocator[];
}

/** Screens in the order they are tested: the most specific first. */
export const banqupScreens: ScreenSignals[] = [
  { id: 'connected', paths: [], marks: [banqupControls.connected, { selectors: ['#accounting .badge-success'] }] },
  { id: 'legalEntity', paths: [/^\/apps\/accounting\/legal-entity\/?$/], marks: [heading(L.legalEntityTitle), banqupControls.legalEntity] },
  { id: 'yokoy', paths: [/^\/apps\/accounting\/yokoy\/?$/], marks: [heading(L.yokoyTitle), banqupControls.clientId] },
  { id: 'package', paths: [/^\/apps\/accounting\/package\/?$/], marks: [heading(L.packageTitle), banqupControls.yokoyPackage] },
  { id: 'exportType', paths: [/^\/apps\/accounting\/export\/?$/], marks: [heading(L.exportTypeTitle), banqupControls.exportInvoices] },
  { id: 'connection', paths: [/^\/apps\/accounting\/connection\/?$/], marks: [heading(L.connectionTitle), banqupControls.onlineConnection] },
  { id: 'accountingApp', paths: [/^\/apps\/accounting\/?$/], marks: [heading(L.accountingApp)] },
  { id: 'apps', paths: [/^\/apps\/?$/], marks: [banqupControls.activateAccounting] },
];

/** While Banqup draws a screen (a spinner, a busy root), the guide keeps what it showed. */
export const banqupBusy = ['main .loading', '#root[aria-busy="true"]'];
