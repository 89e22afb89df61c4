/**
 * Access tokens, cached until shortly before `expires_in` runs out. Kept in memory and, in the
 * service worker, mirrored to `storage.session` (memory only, cleared with the browser) so a
 * restarted worker does not ask Yokoy for a new token every time. Never logged.
 */
export interface CachedToken {
  accessToken: string;
  expiresAt: number;
}

export interface TokenStore {
  get(key: string): Promise<CachedToken | undefined>;
  set(key: string, token: CachedToken): Promise<void>;
  delete(key: string): Promise<void>;
  /** Drops every token (forgetting the credentials leaves nothing that opens Yokoy). */
  clear(): Promise<void>;
}

export function memoryTokenStore(): TokenStore {
  const tokens = new Map<string, CachedToken>();
  return {
    async get(key) {
      return tokens.get(key);
    },
    async set(key, token) {
      tokens.set(key, token);
    },
    async delete(key) {
      tokens.delete(key);
    },
    async clear() {
      tokens.clear();
    },
  };
}

/** When Yokoy says nothing about the lifetime, assume a short one rather than guess long. */
export const fallbackLifetimeSeconds = 300;

/** Refresh a little early: 10% of the lifetime, at least 30 s, never more than half of it. */
/** A day at most: an absurd `expires_in` must not pin a token for ever. */
export const maxLifetimeSeconds = 24 * 3600;

export function expiryFor(now: number, expiresInSeconds: number | undefined): number {
  const seconds =
    expiresInSeconds && expiresInSeconds > 0 && Number.isFinite(expiresInSeconds)
      ? Math.min(expiresInSeconds, maxLifetimeSeconds)
      : fallbackLifetimeSeconds;
  const lifetimeMs = seconds * 1000;
  const margin = Math.min(lifetimeMs / 2, Math.max(30_000, lifetimeMs / 10));
  return now + lifetimeMs - margin;
}
