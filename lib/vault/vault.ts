/**
 * The vault: the client secret encrypted with AES-GCM under a non-extractable key that lives in
 * IndexedDB. The key cannot be read out, only used, and only by the extension's origin; the
 * stored form is ciphertext. Only the service worker calls this module.
 */
import type { IDBPDatabase } from 'idb';
import type { CompanionDB } from '../db/schema';

const KEY_ID = 'vault-key-v1';
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export interface Vault {
  put(name: string, secret: string): Promise<void>;
  get(name: string): Promise<string | undefined>;
  has(name: string): Promise<boolean>;
  delete(name: string): Promise<void>;
}

export function createVault(db: () => Promise<IDBPDatabase<CompanionDB>>, subtle: SubtleCrypto = crypto.subtle): Vault {
  async function key(): Promise<CryptoKey> {
    const database = await db();
    const existing = await database.get('keys', KEY_ID);
    if (existing) return existing;
    const created = await subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    // Two workers racing: `add` fails for the second, which then uses the first one's key.
    try {
      await database.add('keys', created, KEY_ID);
      return created;
    } catch {
      return (await database.get('keys', KEY_ID))!;
    }
  }

  return {
    async put(name, secret) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const ciphertext = await subtle.encrypt({ name: 'AES-GCM', iv }, await key(), encoder.encode(secret));
      await (await db()).put('vault', { name, iv, ciphertext });
    },
    async get(name) {
      const record = await (await db()).get('vault', name);
      if (!record) return undefined;
      const plain = await subtle.decrypt({ name: 'AES-GCM', iv: record.iv as Uint8Array<ArrayBuffer> }, await key(), record.ciphertext);
      return decoder.decode(plain);
    },
    async has(name) {
      return (await (await db()).getKey('vault', name)) !== undefined;
    },
    async delete(name) {
      await (await db()).delete('vault', name);
    },
  };
}
