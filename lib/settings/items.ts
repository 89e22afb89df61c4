/**
 * Typed, versioned settings and credential metadata in `storage.local`. The client secret is
 * not here: it lives encrypted in the vault (IndexedDB). Tokens are not here either.
 */
import { storage } from 'wxt/utils/storage';
import type { EnvironmentName } from '../yokoy/environments';
import type { YokoyFailureKind } from '../yokoy/errors';
import type { LegalEntitySummary } from '../yokoy/schemas';

export interface Settings {
  environment: EnvironmentName;
  /** Used when `environment` is "custom" (the sandbox, a proxy). */
  custom: { accountsBase: string; apiBase: string; webOrigin: string };
  /** Banqup's web origin (where documents are read through the user's session). */
  banqupOrigin: string;
  defaultLegalEntityId?: string;
}

export const defaultSettings: Settings = {
  environment: 'production',
  custom: { accountsBase: '', apiBase: '', webOrigin: '' },
  banqupOrigin: 'https://app.banqup.com',
};

export const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: defaultSettings, version: 1 });

export interface Verification {
  state: 'verified' | 'failing';
  at: number;
  failure?: { kind: YokoyFailureKind; status?: number; detail?: string };
}

export interface StoredCredentials {
  clientId?: string;
  organizationId?: string;
  /** Whether the vault holds a secret (so the popup can say so without reading it). */
  hasSecret?: boolean;
  legalEntityId?: string;
  legalEntities?: LegalEntitySummary[];
  verification?: Verification;
  /** Values captured on Yokoy's page while verified ones were in use: the user confirms them in the popup. */
  pending?: { clientId?: string; organizationId?: string; hasSecret?: boolean; capturedAt: number };
}

export const credentialsItem = storage.defineItem<StoredCredentials>('local:credentials', { fallback: {}, version: 1 });
