/**
 * Typed, versioned settings and credential metadata in `storage.local`. The client secret is
 * not here: it lives encrypted in the vault (IndexedDB). Tokens are not here either.
 */
import { storage } from 'wxt/utils/storage';
import type { EnvironmentName } from '../sites/yokoy/environments';
import type { Failure } from '../failures/failure';
import { fromLegacyReason, isLegacyReason } from '../failures/legacy';
import type { YokoyFailureKind } from '../yokoy-api/errors';
import type { LegalEntitySummary } from '../yokoy-api/schemas';
import { themeStorageKey, type Theme } from './theme';

export { themes, type Theme } from './theme';

export interface Settings {
  environment: EnvironmentName;
  /** Used when `environment` is "custom" (the sandbox, a proxy). */
  custom: { accountsBase: string; apiBase: string; webOrigin: string };
  /** Banqup's web origin (where documents are read through the user's session). */
  banqupOrigin: string;
  defaultLegalEntityId?: string;
  /** Invoices uploaded at the same time (Yokoy answers 429 "too many concurrent requests" beyond a few). */
  exportConcurrency: number;
  /**
   * Days a finished job (sent, already in Yokoy, cancelled) stays in the history; 0 keeps them
   * all. Unresolved jobs (queued, running, failed) are never pruned. Unset: the default.
   */
  historyRetentionDays?: number;
}

export const DEFAULT_RETENTION_DAYS = 365;

export const defaultSettings: Settings = {
  environment: 'production',
  custom: { accountsBase: '', apiBase: '', webOrigin: '' },
  banqupOrigin: 'https://app.banqup.com',
  exportConcurrency: 4,
};

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: defaultSettings,
  version: 2,
  migrations: {
    // 2: exports arrived, with their concurrency setting.
    2: (v1: Omit<Settings, 'exportConcurrency'>): Settings => ({ ...v1, exportConcurrency: defaultSettings.exportConcurrency }),
  },
});

export interface ExportControl {
  paused: boolean;
  /** The run new jobs join while it has work left; a new one starts after. */
  runId?: string;
  runStartedAt?: number;
  /** Whether the run's end was announced (one notification per run). */
  announced?: boolean;
  /** Why the queue paused by itself (the connection failed), for the user to fix. */
  pauseReason?: Failure;
}

export const exportControlItem = storage.defineItem<ExportControl>('local:exportControl', {
  fallback: { paused: false },
  version: 2,
  migrations: {
    // 2: failures became typed values (lib/failures); a queue paused before keeps its reason.
    2: (v1: Omit<ExportControl, 'pauseReason'> & { pauseReason?: unknown }): ExportControl => {
      const { pauseReason, ...rest } = v1;
      return isLegacyReason(pauseReason) ? { ...rest, pauseReason: fromLegacyReason(pauseReason) } : rest;
    },
  },
});

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
  /** The Yokoy the secret was given for: it goes to that token URL only (issue 12). */
  secretFor?: { environment: EnvironmentName; tokenUrl: string };
  legalEntityId?: string;
  legalEntities?: LegalEntitySummary[];
  verification?: Verification;
  /** Values captured on Yokoy's page while verified ones were in use: the user confirms them in the popup. */
  pending?: { clientId?: string; organizationId?: string; hasSecret?: boolean; capturedAt: number };
}

export const credentialsItem = storage.defineItem<StoredCredentials>('local:credentials', { fallback: {}, version: 1 });

/** Appearance of the extension's pages: the system's light or dark, or one of them always (options page; lib/settings/theme). */
export const themeItem = storage.defineItem<Theme>(`local:${themeStorageKey}`, { fallback: 'system', version: 1 });
