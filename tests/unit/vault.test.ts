import { describe, expect, it } from 'vitest';
import { openCompanionDB } from '../../lib/db/schema';
import { createVault } from '../../lib/vault/vault';

let n = 0;
const freshDb = () => {
  const name = `vault-test-${++n}`;
  const db = openCompanionDB(name);
  return () => db;
};

describe('vault', () => {
  it('round-trips a secret', async () => {
    const vault = createVault(freshDb());
    await vault.put('clientSecret', 'sbx_ready_secret_6f1c2a9e4b7d');
    expect(await vault.has('clientSecret')).toBe(true);
    expect(await vault.get('clientSecret')).toBe('sbx_ready_secret_6f1c2a9e4b7d');
  });

  it('stores ciphertext, not the plaintext, under a non-extractable key', async () => {
    const db = freshDb();
    const vault = createVault(db);
    const secret = 'plain-secret-value-123';
    await vault.put('clientSecret', secret);
    const record = await (await db()).get('vault', 'clientSecret');
    const stored = new TextDecoder().decode(new Uint8Array(record!.ciphertext));
    expect(stored).not.toContain(secret);
    expect(record!.ciphertext.byteLength).toBe(secret.length + 16); // AES-GCM tag
    const key = await (await db()).get('keys', 'vault-key-v1');
    expect(key!.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key!)).rejects.toThrow();
  });

  it('uses a fresh IV each time, so equal secrets do not look equal', async () => {
    const db = freshDb();
    const vault = createVault(db);
    await vault.put('a', 'same');
    await vault.put('b', 'same');
    const [a, b] = await Promise.all([(await db()).get('vault', 'a'), (await db()).get('vault', 'b')]);
    expect(Array.from(a!.iv)).not.toEqual(Array.from(b!.iv));
  });

  it('forgets', async () => {
    const vault = createVault(freshDb());
    await vault.put('clientSecret', 'x');
    await vault.delete('clientSecret');
    expect(await vault.get('clientSecret')).toBeUndefined();
    expect(await vault.has('clientSecret')).toBe(false);
  });

  it('refuses tampered ciphertext (AES-GCM authenticates)', async () => {
    const db = freshDb();
    const vault = createVault(db);
    await vault.put('clientSecret', 'abc');
    const record = (await (await db()).get('vault', 'clientSecret'))!;
    new Uint8Array(record.ciphertext)[0]! ^= 1;
    await (await db()).put('vault', record);
    await expect(vault.get('clientSecret')).rejects.toThrow();
  });
});
