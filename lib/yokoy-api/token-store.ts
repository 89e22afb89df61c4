/**
 * Token store for the service worker: memory first, mirrored to `storage.session` (kept in
 * memory by the browser, never written to disk, gone when the browser closes) so a worker
 * restarted after its idle timeout reuses a live token.
 */
import { storage } from 'wxt/utils/storage';
import { memoryTokenStore, type CachedToken, type TokenStore } from './token-cache';

const sessionTokens = storage.defineItem<Record<string, CachedToken>>('session:tokens', { fallback: {} });

export function sessionTokenStore(): TokenStore {
  const memory = memoryTokenStore();
  return {
    async get(key) {
      const hit = await memory.get(key);
      if (hit) return hit;
      const stored = (await sessionTokens.getValue())[key];
      if (stored) await memory.set(key, stored);
      return stored;
    },
    async set(key, token) {
      await memory.set(key, token);
      await sessionTokens.setValue({ ...(await sessionTokens.getValue()), [key]: token });
    },
    async delete(key) {
      await memory.delete(key);
      const { [key]: _gone, ...rest } = await sessionTokens.getValue();
      await sessionTokens.setValue(rest);
    },
    async clear() {
      await memory.clear();
      await sessionTokens.removeValue();
    },
  };
}
