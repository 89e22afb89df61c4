/**
 * The connection's handlers in the service worker: credentials saved (cleaned again here, the
 * secret into the vault), verified live against Yokoy, a legal entity chosen, values captured
 * on Yokoy's page, settings, forget. Everything it touches comes in through `env`.
 */
import { checkCredential, type CredentialField, type Finding } from '../credentials/clean';
import type { CaptureAnswer, ConnectionAnswers, CredentialsView, SaveAnswer } from './messages';
import type { Settings, StoredCredentials } from '../settings/items';
import type { YokoyClient } from '../yokoy-api/client';
import { verifyConnection } from '../yokoy-api/verify';
import { changesSecretBinding, checkOrigin, secretBindingFor } from './endpoints';
import { deriveConnection } from './state';

export const SECRET = 'clientSecret';

interface Item<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
}

export interface ConnectionEnv {
  credentials: Item<StoredCredentials>;
  settings: Item<Settings>;
  vault: {
    put(name: string, value: string): Promise<void>;
    get(name: string): Promise<string | undefined>;
    delete(name: string): Promise<void>;
  };
  client: YokoyClient;
  /** The client's token cache, emptied when the credentials are forgotten. */
  tokens: { clear(): Promise<void> };
  now: () => number;
  openTab: (url: string) => Promise<void>;
  /** Where Yokoy's Developer page is, for "Find my organization ID". */
  developerPageUrl: (settings: Settings) => string | undefined;
}

type Values = Partial<Record<CredentialField, string>>;

/**
 * Whether the stored secret may go to the Yokoy the settings point at now (issue 12). A secret
 * stored before bindings existed has none: it belongs to the settings in place, and the next
 * change of environment or token URL forgets it like any other.
 */
export function secretMayGoTo(stored: StoredCredentials, settings: Settings): boolean {
  if (!stored.secretFor) return true;
  const now = secretBindingFor(settings);
  return Boolean(now && now.environment === stored.secretFor.environment && now.tokenUrl === stored.secretFor.tokenUrl);
}

export function createConnectionService(env: ConnectionEnv) {
  async function view(): Promise<CredentialsView> {
    const stored = await env.credentials.getValue();
    return { ...stored, hasSecret: Boolean(stored.hasSecret), connection: deriveConnection(stored) };
  }

  /** Cleans each given value; the first refusal stops the save and says which field and why. */
  function clean(values: Values, stored: StoredCredentials): { values: Values } | { field: CredentialField; finding: Finding } {
    const out: Values = {};
    for (const field of ['clientId', 'clientSecret', 'organizationId'] as const) {
      const raw = values[field];
      if (raw === undefined) continue;
      const checked = checkCredential(field, raw, { knownLegalEntityIds: stored.legalEntities?.map((e) => e.id) });
      const error = checked.errors[0];
      if (error) return { field, finding: error };
      out[field] = checked.value;
    }
    return { values: out };
  }

  async function store(values: Values): Promise<void> {
    const stored = await env.credentials.getValue();
    const binding = values.clientSecret !== undefined ? secretBindingFor(await env.settings.getValue()) : stored.secretFor;
    if (values.clientSecret !== undefined) await env.vault.put(SECRET, values.clientSecret);
    const changed =
      (values.clientId !== undefined && values.clientId !== stored.clientId) ||
      (values.organizationId !== undefined && values.organizationId !== stored.organizationId) ||
      values.clientSecret !== undefined;
    await env.credentials.setValue({
      ...stored,
      clientId: values.clientId ?? stored.clientId,
      organizationId: values.organizationId ?? stored.organizationId,
      hasSecret: stored.hasSecret || values.clientSecret !== undefined,
      secretFor: binding,
      // New values are not verified yet; the old legal entities may belong to another organization.
      ...(changed ? { verification: undefined } : {}),
      ...(changed && values.organizationId !== undefined && values.organizationId !== stored.organizationId
        ? { legalEntities: undefined, legalEntityId: undefined }
        : {}),
    });
  }

  async function verify(): Promise<ConnectionAnswers['credentials.verify']> {
    const result = await verifyConnection(env.client);
    const stored = await env.credentials.getValue();
    if (result.ok) {
      const settings = await env.settings.getValue();
      const legalEntities = result.value;
      const remembered = [stored.legalEntityId, settings.defaultLegalEntityId].find((id) => legalEntities.some((e) => e.id === id));
      await env.credentials.setValue({
        ...stored,
        legalEntities,
        legalEntityId: remembered ?? (legalEntities.length === 1 ? legalEntities[0]!.id : undefined),
        verification: { state: 'verified', at: env.now() },
      });
      return { verified: true, legalEntities };
    }
    const { kind, status, detail } = result.failure;
    await env.credentials.setValue({ ...stored, verification: { state: 'failing', at: env.now(), failure: { kind, status, detail } } });
    return { verified: false, failure: result.failure };
  }

  return {
    view,
    verify,

    async save(values: Values): Promise<SaveAnswer> {
      const stored = await env.credentials.getValue();
      const cleaned = clean(values, stored);
      if ('field' in cleaned) return { saved: false, field: cleaned.field, finding: cleaned.finding };
      await store(cleaned.values);
      return { saved: true, credentials: await view() };
    },

    async reveal(): Promise<{ clientSecret?: string }> {
      return { clientSecret: await env.vault.get(SECRET) };
    },

    async forget(): Promise<CredentialsView> {
      await env.vault.delete(SECRET);
      await env.vault.delete(`pending-${SECRET}`);
      await env.tokens.clear();
      await env.credentials.setValue({});
      return view();
    },

    async chooseLegalEntity(legalEntityId: string): Promise<CredentialsView> {
      const stored = await env.credentials.getValue();
      if (!stored.legalEntities?.some((e) => e.id === legalEntityId))
        throw new Error('This legal entity is not among those Yokoy returned.');
      await env.credentials.setValue({ ...stored, legalEntityId });
      return view();
    },

    /**
     * Values the user chose to capture on Yokoy's page. They never replace anything from the
     * page alone (issue 12: a script on a Yokoy page can fake the dialog and click for the user):
     * they wait as "pending", the current credentials untouched, until the user confirms them in
     * the popup, which shows what would change (lib/connection/pending.ts).
     */
    async capture(values: Values): Promise<CaptureAnswer> {
      const stored = await env.credentials.getValue();
      const cleaned = clean(values, stored);
      if ('field' in cleaned) return { outcome: 'refused', problem: `${cleaned.field}: ${cleaned.finding.kind}` };
      const same =
        (cleaned.values.clientId ?? stored.clientId) === stored.clientId &&
        (cleaned.values.organizationId ?? stored.organizationId) === stored.organizationId &&
        cleaned.values.clientSecret === undefined;
      if (same && stored.clientId !== undefined && stored.organizationId !== undefined)
        return { outcome: 'saved', verified: deriveConnection(stored).state === 'verified' };
      if (cleaned.values.clientSecret !== undefined) await env.vault.put(`pending-${SECRET}`, cleaned.values.clientSecret);
      await env.credentials.setValue({
        ...stored,
        pending: {
          clientId: cleaned.values.clientId ?? stored.pending?.clientId,
          organizationId: cleaned.values.organizationId ?? stored.pending?.organizationId,
          hasSecret: stored.pending?.hasSecret || cleaned.values.clientSecret !== undefined,
          capturedAt: env.now(),
        },
      });
      return { outcome: 'pending-confirmation' };
    },

    async adoptPending(adopt: boolean): Promise<CredentialsView> {
      const stored = await env.credentials.getValue();
      const pending = stored.pending;
      await env.credentials.setValue({ ...stored, pending: undefined });
      if (adopt && pending) {
        const secret = pending.hasSecret ? await env.vault.get(`pending-${SECRET}`) : undefined;
        await store({ clientId: pending.clientId, organizationId: pending.organizationId, clientSecret: secret });
        await verify();
      }
      await env.vault.delete(`pending-${SECRET}`);
      return view();
    },

    async getSettings(): Promise<Settings> {
      return env.settings.getValue();
    },

    async saveSettings(settings: Settings): Promise<Settings> {
      const origins = [settings.banqupOrigin, ...(settings.environment === 'custom' ? Object.values(settings.custom) : [])];
      const bad = origins.find((o) => checkOrigin(o) !== undefined);
      if (bad !== undefined) throw new Error(`Not a web origin: ${bad}`);
      const normalized: Settings = {
        ...settings,
        banqupOrigin: settings.banqupOrigin.replace(/\/+$/, ''),
        custom: {
          accountsBase: settings.custom.accountsBase.replace(/\/+$/, ''),
          apiBase: settings.custom.apiBase.replace(/\/+$/, ''),
          webOrigin: settings.custom.webOrigin.replace(/\/+$/, ''),
        },
      };
      const before = await env.settings.getValue();
      // Another environment or token URL: the secret belongs to the old one (issue 12). It is
      // forgotten before the new settings apply, so it is never sent to the new address, and
      // the popup asks for it again. The client ID and organization ID stay, as hints.
      if (changesSecretBinding(before, normalized)) {
        await env.vault.delete(SECRET);
        await env.vault.delete(`pending-${SECRET}`);
        await env.tokens.clear();
        const stored = await env.credentials.getValue();
        await env.credentials.setValue({
          ...stored,
          hasSecret: false,
          secretFor: undefined,
          pending: stored.pending ? { ...stored.pending, hasSecret: false } : undefined,
          verification: undefined,
        });
      }
      await env.settings.setValue(normalized);
      // Another Yokoy means the old verification says nothing about the new one.
      if (JSON.stringify(before.custom) !== JSON.stringify(normalized.custom) || before.environment !== normalized.environment) {
        const stored = await env.credentials.getValue();
        await env.credentials.setValue({ ...stored, verification: undefined });
      }
      return normalized;
    },

    async openDeveloperPage(): Promise<{ opened: boolean }> {
      const url = env.developerPageUrl(await env.settings.getValue());
      if (!url) return { opened: false };
      await env.openTab(url);
      return { opened: true };
    },
  };
}

export type ConnectionService = ReturnType<typeof createConnectionService>;
