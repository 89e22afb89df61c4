/**
 * The accounting-app setup ("Aplicação de Contabilidade" → online connection → Yokoy), as a
 * server-side state machine per user. Kept apart from HTTP so the rules read in one place:
 * every screen of the wizard maps to one `step`, a reload lands on the same step, and a step
 * only advances when what it asks for is there (the same checks the UI shows inline).
 */
import { randomBytes } from 'node:crypto';

/** The wizard's screens, in order; 'inactive' is "app not activated", 'active' is done. */
export const setupSteps = ['inactive', 'connection', 'exportType', 'package', 'credentials', 'legalEntity', 'active'] as const;
export type SetupStep = (typeof setupSteps)[number];

export type ExportType = 'invoices' | 'bankStatements';

/** The accounting packages Banqup lists (A5); only Yokoy is wired in the sandbox. */
export const accountingPackages = [
  { id: 'exact-online', name: 'Exact Online' },
  { id: 'octopus', name: 'Octopus' },
  { id: 'yuki', name: 'Yuki' },
  { id: 'silverfin', name: 'Silverfin' },
  { id: 'sage', name: 'Sage' },
  { id: 'winbooks', name: 'WinBooks' },
  { id: 'yokoy', name: 'Yokoy' },
  { id: 'primavera', name: 'Primavera' },
  { id: 'toconline', name: 'TOConline' },
  { id: 'horus', name: 'Horus' },
] as const;
export type PackageId = (typeof accountingPackages)[number]['id'];
export const isPackageId = (v: unknown): v is PackageId => accountingPackages.some((p) => p.id === v);

export interface YokoyLegalEntityChoice {
  id: string;
  name: string;
  code?: string;
}

export interface YokoyAccount {
  email: string | null;
  name: string | null;
  organizationId: string | null;
  organizationName: string | null;
}

export interface AccountingSetup {
  step: SetupStep;
  onlineConnection: boolean;
  exportType: ExportType | null;
  packageId: PackageId | null;
  /** What the user typed on the Yokoy form (kept so the sign-in round trip and reloads keep it). */
  credentials: { clientId: string; clientSecret: string; organizationId: string };
  /** "Iniciar sessão com Yokoy": the OAuth `state` we sent, and whether the round trip succeeded. */
  yokoySignIn: {
    pendingState: string | null;
    signedIn: boolean;
    signedInAt: string | null;
    /** Who consented in Yokoy's web app (from redeeming the authorization code). */
    account: YokoyAccount | null;
    error: 'cancelled' | 'failed' | null;
  };
  termsAccepted: boolean;
  /** Set by a successful "Ligar": the legal entities the emulator returned. */
  connection: { connectedAt: string; legalEntities: YokoyLegalEntityChoice[] } | null;
  legalEntityId: string | null;
  confirmed: boolean;
  activatedAt: string | null;
  /** Why the last "Ligar" failed (never shown to the user; /__admin/setup shows it). */
  lastConnectFailure: string | null;
}

export function newSetup(): AccountingSetup {
  return {
    step: 'inactive',
    onlineConnection: false,
    exportType: null,
    packageId: null,
    credentials: { clientId: '', clientSecret: '', organizationId: '' },
    yokoySignIn: { pendingState: null, signedIn: false, signedInAt: null, account: null, error: null },
    termsAccepted: false,
    connection: null,
    legalEntityId: null,
    confirmed: false,
    activatedAt: null,
    lastConnectFailure: null,
  };
}

/** A refused transition: HTTP status, a machine code the client turns into a label, per-field codes. */
export class SetupError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(code);
  }
}

/** The draft fields a PATCH may change; each only on the step that shows it. */
export interface SetupPatch {
  onlineConnection?: boolean;
  exportType?: ExportType;
  packageId?: PackageId;
  credentials?: Partial<AccountingSetup['credentials']>;
  termsAccepted?: boolean;
  legalEntityId?: string;
  confirmed?: boolean;
}

const fieldStep: Record<keyof SetupPatch, SetupStep> = {
  onlineConnection: 'connection',
  exportType: 'exportType',
  packageId: 'package',
  credentials: 'credentials',
  termsAccepted: 'credentials',
  legalEntityId: 'legalEntity',
  confirmed: 'legalEntity',
};

/** Validates an untrusted PATCH body into a SetupPatch (400 on wrong types). */
export function parsePatch(body: unknown): SetupPatch {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new SetupError(400, 'invalid_body');
  const b = body as Record<string, unknown>;
  const patch: SetupPatch = {};
  const bad: Record<string, string> = {};
  for (const key of Object.keys(b)) if (!(key in fieldStep)) bad[key] = 'unknown_field';
  if ('onlineConnection' in b)
    typeof b.onlineConnection === 'boolean' ? (patch.onlineConnection = b.onlineConnection) : (bad.onlineConnection = 'invalid');
  if ('exportType' in b)
    b.exportType === 'invoices' || b.exportType === 'bankStatements' ? (patch.exportType = b.exportType) : (bad.exportType = 'invalid');
  if ('packageId' in b) isPackageId(b.packageId) ? (patch.packageId = b.packageId) : (bad.packageId = 'invalid');
  if ('termsAccepted' in b)
    typeof b.termsAccepted === 'boolean' ? (patch.termsAccepted = b.termsAccepted) : (bad.termsAccepted = 'invalid');
  if ('confirmed' in b) typeof b.confirmed === 'boolean' ? (patch.confirmed = b.confirmed) : (bad.confirmed = 'invalid');
  if ('legalEntityId' in b) typeof b.legalEntityId === 'string' ? (patch.legalEntityId = b.legalEntityId) : (bad.legalEntityId = 'invalid');
  if ('credentials' in b) {
    const c = b.credentials;
    if (!c || typeof c !== 'object') bad.credentials = 'invalid';
    else {
      patch.credentials = {};
      for (const k of ['clientId', 'clientSecret', 'organizationId'] as const) {
        const v = (c as Record<string, unknown>)[k];
        if (v === undefined) continue;
        if (typeof v === 'string' && v.length <= 500) patch.credentials[k] = v;
        else bad[`credentials.${k}`] = 'invalid';
      }
    }
  }
  if (Object.keys(bad).length) throw new SetupError(400, 'invalid_body', bad);
  return patch;
}

/** Saves draft values. A field belongs to one screen; changing it elsewhere is a 409. */
export function applyPatch(setup: AccountingSetup, patch: SetupPatch): void {
  for (const key of Object.keys(patch) as (keyof SetupPatch)[]) {
    if (fieldStep[key] !== setup.step) throw new SetupError(409, 'wrong_step', { [key]: 'not_on_this_step' });
  }
  if (patch.onlineConnection !== undefined) setup.onlineConnection = patch.onlineConnection;
  if (patch.exportType !== undefined) setup.exportType = patch.exportType;
  if (patch.packageId !== undefined) setup.packageId = patch.packageId;
  if (patch.credentials) Object.assign(setup.credentials, patch.credentials);
  if (patch.termsAccepted !== undefined) setup.termsAccepted = patch.termsAccepted;
  if (patch.legalEntityId !== undefined) {
    if (patch.legalEntityId !== '' && !setup.connection?.legalEntities.some((e) => e.id === patch.legalEntityId)) {
      throw new SetupError(400, 'invalid_body', { legalEntityId: 'unknown' });
    }
    setup.legalEntityId = patch.legalEntityId || null;
  }
  if (patch.confirmed !== undefined) setup.confirmed = patch.confirmed;
}

function expectStep(setup: AccountingSetup, ...steps: SetupStep[]): void {
  if (!steps.includes(setup.step)) throw new SetupError(409, 'wrong_step');
}

/** A2: "Ativar" on the Accounting app card. Re-activating after "Desativar" starts afresh. */
export function activateApp(setup: AccountingSetup): void {
  if (setup.step === 'inactive') Object.assign(setup, newSetup(), { step: 'connection' });
}

/** "Seguinte"/"Próximo" on A3, A4 and A5. */
export function next(setup: AccountingSetup): void {
  switch (setup.step) {
    case 'connection':
      if (!setup.onlineConnection) throw new SetupError(422, 'online_connection_required', { onlineConnection: 'required' });
      setup.step = 'exportType';
      return;
    case 'exportType':
      if (!setup.exportType) throw new SetupError(422, 'export_type_required', { exportType: 'required' });
      setup.step = 'package';
      return;
    case 'package':
      if (!setup.packageId) throw new SetupError(422, 'package_required', { packageId: 'required' });
      // Banqup offers many packages; the sandbox (and this plan) only has Yokoy.
      if (setup.packageId !== 'yokoy') throw new SetupError(422, 'package_unavailable', { packageId: 'unavailable' });
      setup.step = 'credentials';
      return;
    default:
      throw new SetupError(409, 'wrong_step');
  }
}

/** "Voltar": one screen back; what was entered stays, except a connection made for other credentials. */
export function back(setup: AccountingSetup): void {
  const order: SetupStep[] = ['connection', 'exportType', 'package', 'credentials', 'legalEntity'];
  const i = order.indexOf(setup.step);
  if (i <= 0) throw new SetupError(409, 'wrong_step');
  if (setup.step === 'legalEntity') {
    setup.connection = null;
    setup.legalEntityId = null;
    setup.confirmed = false;
  }
  setup.step = order[i - 1]!;
}

/** A9, first half: remember a fresh OAuth `state` for the round trip through Yokoy's web app. */
export function beginYokoySignIn(setup: AccountingSetup): string {
  expectStep(setup, 'credentials');
  const state = randomBytes(16).toString('base64url');
  setup.yokoySignIn = { pendingState: state, signedIn: false, signedInAt: null, account: null, error: null };
  return state;
}

/**
 * A9, second half: the callback's `state` must be the one we sent, and `error` means the user
 * said no. Returns the authorization code to redeem, or null (the error is recorded).
 */
export function takeYokoyCallback(
  setup: AccountingSetup,
  query: { code?: string | null; state?: string | null; error?: string | null },
): string | null {
  const expected = setup.yokoySignIn.pendingState;
  const failed = (error: 'cancelled' | 'failed') => {
    setup.yokoySignIn = { pendingState: null, signedIn: false, signedInAt: null, account: null, error };
    return null;
  };
  if (setup.step !== 'credentials' || !expected || query.state !== expected) return failed('failed');
  if (query.error || !query.code) return failed(query.error === 'access_denied' ? 'cancelled' : 'failed');
  setup.yokoySignIn.pendingState = null;
  return query.code;
}

/** A9 done: the code was redeemed (account = who consented) or not (null). */
export function yokoySignInResult(setup: AccountingSetup, account: YokoyAccount | null): void {
  setup.yokoySignIn = account
    ? { pendingState: null, signedIn: true, signedInAt: new Date().toISOString(), account, error: null }
    : { pendingState: null, signedIn: false, signedInAt: null, account: null, error: 'failed' };
}

/** A11's checks before any network call: all three fields, signed in, terms accepted. */
export function checkConnectable(setup: AccountingSetup): void {
  expectStep(setup, 'credentials');
  const fields: Record<string, string> = {};
  for (const k of ['clientId', 'clientSecret', 'organizationId'] as const) if (!setup.credentials[k].trim()) fields[k] = 'required';
  if (Object.keys(fields).length) throw new SetupError(400, 'fields_required', fields);
  if (!setup.yokoySignIn.signedIn) throw new SetupError(409, 'not_signed_in');
  if (!setup.termsAccepted) throw new SetupError(409, 'terms_required', { termsAccepted: 'required' });
}

/** A11 succeeded: keep the legal entities for A12's drop-down. */
export function connected(setup: AccountingSetup, legalEntities: YokoyLegalEntityChoice[]): void {
  setup.connection = { connectedAt: new Date().toISOString(), legalEntities };
  setup.legalEntityId = legalEntities.length === 1 ? legalEntities[0]!.id : null;
  setup.confirmed = false;
  setup.step = 'legalEntity';
}

/** A13: "Ativar" with a legal entity and the confirmation ticked. */
export function finish(setup: AccountingSetup): void {
  expectStep(setup, 'legalEntity');
  const fields: Record<string, string> = {};
  if (!setup.legalEntityId) fields.legalEntityId = 'required';
  if (!setup.confirmed) fields.confirmed = 'required';
  if (Object.keys(fields).length) throw new SetupError(422, 'fields_required', fields);
  setup.step = 'active';
  setup.activatedAt = new Date().toISOString();
}

/** "Desativar" on the app page: back to an inactive app with nothing kept. */
export function deactivate(setup: AccountingSetup): void {
  Object.assign(setup, newSetup());
}

/**
 * What the browser (and a browser extension with the user's session) sees of the setup.
 * The client secret is echoed back into the form, like the other fields, so the sign-in
 * round trip and a reload keep what the user typed; it is their own input in their session.
 */
export function publicSetup(setup: AccountingSetup) {
  const entity = setup.connection?.legalEntities.find((e) => e.id === setup.legalEntityId) ?? null;
  const pkg = accountingPackages.find((p) => p.id === setup.packageId) ?? null;
  return {
    step: setup.step,
    active: setup.step === 'active',
    onlineConnection: setup.onlineConnection,
    exportType: setup.exportType,
    packageId: setup.packageId,
    packageName: pkg?.name ?? null,
    credentials: { ...setup.credentials },
    yokoySignIn: {
      signedIn: setup.yokoySignIn.signedIn,
      signedInAt: setup.yokoySignIn.signedInAt,
      account: setup.yokoySignIn.account,
      error: setup.yokoySignIn.error,
    },
    termsAccepted: setup.termsAccepted,
    connected: setup.connection !== null,
    legalEntities: setup.connection?.legalEntities ?? [],
    legalEntityId: setup.legalEntityId,
    legalEntityName: entity?.name ?? null,
    confirmed: setup.confirmed,
    activatedAt: setup.activatedAt,
    packages: accountingPackages,
  };
}
export type PublicSetup = ReturnType<typeof publicSetup>;
