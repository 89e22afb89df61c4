/**
 * FLOW A1–A14 as data: for each step its words (keys into the guide's catalogue), the controls
 * the user acts on, in order, with the screen(s) each lives on and when it counts as done.
 * detect.ts reads the page against this; the overlay shows it. Nothing here touches a page.
 */
import type { BanqupControl, ScreenId } from './wizard';
import type { GuideKey } from '../../i18n/guide';

export type StepId = `A${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14}`;

/**
 * When an action is done: its control is checked (switch, radio, checkbox) or filled (input,
 * select), another control is present (a state the page shows), or never: the page moves on.
 */
export type Done = 'checked' | 'filled' | 'never' | { present: BanqupControl };

export interface Action {
  target: BanqupControl;
  done: Done;
  /** The screens it lives on; absent: any screen (the header's controls). */
  on?: ScreenId[];
}

export type VaultField = 'clientId' | 'clientSecret' | 'organizationId';

export interface Step {
  id: StepId;
  title: GuideKey;
  body: GuideKey;
  actions: Action[];
  /** A6–A8: the vault value this step's field takes ("Fill from Yokoy Companion"). */
  fill?: VaultField;
  /** What the panel adds: the live-verification check, the legal entities, the first export. */
  extra?: 'verified' | 'entities' | 'export';
}

const wizard = (on: ScreenId, ...actions: Omit<Action, 'on'>[]): Action[] => actions.map((a) => ({ ...a, on: [on] }));

export const steps: Step[] = [
  // Classic Banqup: "Apps" in the main menu on the left opens the apps (lib/sites/banqup/wizard.ts).
  { id: 'A1', title: 'A1t', body: 'A1', actions: [{ target: 'appsMenu', done: { present: 'appsMenuOpen' } }] },
  {
    id: 'A2',
    title: 'A2t',
    body: 'A2',
    actions: [
      { target: 'activateAccounting', done: 'never', on: ['apps', 'accountingApp'] },
      { target: 'accountingMenuItem', done: 'never' },
    ],
  },
  {
    id: 'A3',
    title: 'A3t',
    body: 'A3',
    actions: wizard('connection', { target: 'onlineConnection', done: 'checked' }, { target: 'wizardNext', done: 'never' }),
  },
  {
    id: 'A4',
    title: 'A4t',
    body: 'A4',
    actions: wizard('exportType', { target: 'exportInvoices', done: 'checked' }, { target: 'wizardNext', done: 'never' }),
  },
  {
    id: 'A5',
    title: 'A5t',
    body: 'A5',
    actions: wizard('package', { target: 'yokoyPackage', done: 'checked' }, { target: 'packageNext', done: 'never' }),
  },
  {
    id: 'A6',
    title: 'A6t',
    body: 'A6',
    fill: 'clientId',
    extra: 'verified',
    actions: wizard('yokoy', { target: 'clientId', done: 'filled' }),
  },
  {
    id: 'A7',
    title: 'A7t',
    body: 'A7',
    fill: 'clientSecret',
    extra: 'verified',
    actions: wizard('yokoy', { target: 'clientSecret', done: 'filled' }),
  },
  {
    id: 'A8',
    title: 'A8t',
    body: 'A8',
    fill: 'organizationId',
    extra: 'verified',
    actions: wizard('yokoy', { target: 'organizationId', done: 'filled' }),
  },
  { id: 'A9', title: 'A9t', body: 'A9', actions: wizard('yokoy', { target: 'signIn', done: { present: 'signedIn' } }) },
  { id: 'A10', title: 'A10t', body: 'A10', actions: wizard('yokoy', { target: 'terms', done: 'checked' }) },
  { id: 'A11', title: 'A11t', body: 'A11', extra: 'verified', actions: wizard('yokoy', { target: 'connect', done: 'never' }) },
  { id: 'A12', title: 'A12t', body: 'A12', extra: 'entities', actions: wizard('legalEntity', { target: 'legalEntity', done: 'filled' }) },
  {
    id: 'A13',
    title: 'A13t',
    body: 'A13',
    actions: wizard('legalEntity', { target: 'confirmLegalEntity', done: 'checked' }, { target: 'activate', done: 'never' }),
  },
  { id: 'A14', title: 'A14t', body: 'A14', extra: 'export', actions: [{ target: 'connected', done: 'never', on: ['connected'] }] },
];

/** Where each screen starts in the flow: reaching a screen means the steps before it are done. */
export const screenStart: Record<ScreenId, StepId> = {
  other: 'A1',
  apps: 'A2',
  accountingApp: 'A2',
  connection: 'A3',
  exportType: 'A4',
  package: 'A5',
  yokoy: 'A6',
  legalEntity: 'A12',
  connected: 'A14',
};
