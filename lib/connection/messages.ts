/**
 * The connection's messages: credentials, settings, the legal entity, what the Yokoy page
 * captures, what the Banqup guide may know and fill, and the pages it opens. Schemas, who may
 * send each, and the answers (lib/connection/handlers.ts answers them).
 */
import * as z from 'zod/mini';
import type { Finding } from '../credentials/clean';
import { extensionPages, legalEntityId, type Policy, short, url } from '../messaging/fields';
import type { Settings, StoredCredentials } from '../settings/items';
import type { YokoyFailure, YokoyFailureKind } from '../yokoy-api/errors';
import type { LegalEntitySummary } from '../yokoy-api/schemas';

const CredentialsGet = z.object({ type: z.literal('credentials.get') });
/** What the popup saves and what Yokoy's page offers: the same three values, each optional. */
const credentialFields = { clientId: z.optional(short), clientSecret: z.optional(short), organizationId: z.optional(short) };
const CredentialsSave = z.object({ type: z.literal('credentials.save'), ...credentialFields });
const CredentialsReveal = z.object({ type: z.literal('credentials.reveal') });
const CredentialsVerify = z.object({ type: z.literal('credentials.verify') });
const CredentialsForget = z.object({ type: z.literal('credentials.forget') });
const CredentialsAdoptPending = z.object({ type: z.literal('credentials.adoptPending'), adopt: z.boolean() });
const LegalEntityChoose = z.object({ type: z.literal('legalEntity.choose'), legalEntityId });
const SettingsGet = z.object({ type: z.literal('settings.get') });
const SettingsSave = z.object({
  type: z.literal('settings.save'),
  settings: z.object({
    environment: z.enum(['production', 'test', 'custom']),
    custom: z.object({ accountsBase: url, apiBase: url, webOrigin: url }),
    banqupOrigin: url,
    defaultLegalEntityId: z.optional(z.string().check(z.regex(/^[\w-]{0,100}$/))),
    exportConcurrency: z.number().check(z.int(), z.minimum(1), z.maximum(10)),
    historyRetentionDays: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(3650))),
  }),
});
const CaptureOffer = z.object({ type: z.literal('capture.offer'), ...credentialFields });
const OpenYokoyDeveloperPage = z.object({ type: z.literal('open.yokoyDeveloperPage') });
const GuideContext = z.object({ type: z.literal('guide.context') });
const GuideOpen = z.object({ type: z.literal('guide.open') });
const FillValue = z.object({ type: z.literal('fill.value'), field: z.enum(['clientId', 'clientSecret', 'organizationId']) });
const OpenExportView = z.object({ type: z.literal('open.exportView') });

export const connectionRequests = [
  CredentialsGet,
  CredentialsSave,
  CredentialsReveal,
  CredentialsVerify,
  CredentialsForget,
  CredentialsAdoptPending,
  LegalEntityChoose,
  SettingsGet,
  SettingsSave,
  CaptureOffer,
  OpenYokoyDeveloperPage,
  GuideContext,
  GuideOpen,
  FillValue,
  OpenExportView,
] as const;
export type ConnectionRequest = z.infer<(typeof connectionRequests)[number]>;

/** Anything touching credentials: extension pages only. */
export const connectionPolicy: Policy<ConnectionRequest['type']> = {
  'credentials.get': extensionPages,
  'credentials.save': extensionPages,
  'credentials.reveal': extensionPages,
  'credentials.verify': extensionPages,
  'credentials.forget': extensionPages,
  'credentials.adoptPending': extensionPages,
  'legalEntity.choose': extensionPages,
  'settings.get': extensionPages,
  'settings.save': extensionPages,
  // The user's click on Yokoy's own page; values land as "pending" when verified ones exist.
  'capture.offer': ['yokoy-content'],
  'open.yokoyDeveloperPage': ['extension-page', 'banqup-content'],
  // What the guide needs to know: states and names, never a credential's value.
  'guide.context': ['banqup-content'],
  'guide.open': extensionPages,
  // One field's value, asked on the user's click on "Fill" in the guide, on a Banqup page only:
  // the one way the secret reaches a page, and only Banqup's own secret field asks for it.
  'fill.value': ['banqup-content'],
  'open.exportView': ['extension-page', 'banqup-content'],
};

export type ConnectionState =
  | { state: 'not-set-up' }
  | { state: 'unverified' }
  | { state: 'verified'; organizationId: string; legalEntityName?: string }
  | { state: 'failing'; kind: YokoyFailureKind; detail?: string; organizationId?: string };

/** What an extension page may see of the credentials: never the secret itself. */
export type CredentialsView = Omit<StoredCredentials, 'hasSecret'> & { hasSecret: boolean; connection: ConnectionState };

export type SaveAnswer =
  | { saved: true; credentials: CredentialsView }
  | { saved: false; field: 'clientId' | 'clientSecret' | 'organizationId'; finding: Finding };

export type VerifyAnswer = { verified: true; legalEntities: LegalEntitySummary[] } | { verified: false; failure: YokoyFailure };

export interface GuideContextAnswer {
  connection: ConnectionState;
  /** Which values the vault can fill (not the values). */
  available: { clientId: boolean; clientSecret: boolean; organizationId: boolean };
  legalEntities: LegalEntitySummary[];
  legalEntityId?: string;
}

export type CaptureAnswer = { outcome: 'saved' | 'pending-confirmation' | 'refused'; verified?: boolean; problem?: string };

export interface ConnectionAnswers {
  'credentials.get': CredentialsView;
  'credentials.save': SaveAnswer;
  'credentials.reveal': { clientSecret?: string };
  'credentials.verify': VerifyAnswer;
  'credentials.forget': CredentialsView;
  'credentials.adoptPending': CredentialsView;
  'legalEntity.choose': CredentialsView;
  'settings.get': Settings;
  'settings.save': Settings;
  'capture.offer': CaptureAnswer;
  'open.yokoyDeveloperPage': { opened: boolean };
  'guide.context': GuideContextAnswer;
  'guide.open': { opened: 'existing-tab' | 'new-tab' | 'no-banqup-origin' };
  'fill.value': { value?: string };
  'open.exportView': { opened: boolean };
}
