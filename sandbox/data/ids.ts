/**
 * Deterministic randomness and identifiers for the sandbox data: a seeded PRNG, UUID v4
 * strings from it or from a content hash, and check-digit-correct IBANs and Belgian company
 * numbers (so the seed looks right to anyone who validates them).
 */
import { createHash } from 'node:crypto';

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  int(min: number, maxInclusive: number): number;
  pick<T>(items: readonly T[]): T;
  digits(n: number): string;
}

/** mulberry32: tiny, fast, good enough for test data; same seed → same sequence. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    digits: (n) => Array.from({ length: n }, () => String(int(0, 9))).join(''),
  };
}

function formatUuidV4(bytes: Uint8Array): string {
  const b = Array.from(bytes.slice(0, 16));
  b[6] = (b[6]! & 0x0f) | 0x40; // version 4
  b[8] = (b[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = b.map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export function uuidFromRng(rng: Rng): string {
  return formatUuidV4(Uint8Array.from({ length: 16 }, () => rng.int(0, 255)));
}

/** Same content → same id: lets a re-import of the same file keep its document id. */
export function uuidFromContent(content: Buffer | string): string {
  return formatUuidV4(createHash('sha256').update(content).digest());
}

export const UUID_V4_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Remainder mod 97 of a long digit string (too long for a JS number). */
function mod97(digits: string): number {
  let r = 0;
  for (const d of digits) r = (r * 10 + Number(d)) % 97;
  return r;
}

const lettersToDigits = (s: string): string => s.toUpperCase().replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));

/** Builds an IBAN with correct ISO 13616 check digits around a national account number. */
export function makeIban(country: string, bban: string): string {
  const check = 98 - mod97(lettersToDigits(`${bban}${country}00`));
  return `${country}${String(check).padStart(2, '0')}${bban}`;
}

export function isValidIban(iban: string): boolean {
  const s = iban.replace(/\s+/g, '').toUpperCase();
  return /^[A-Z]{2}\d{2}[A-Z0-9]{8,30}$/.test(s) && mod97(lettersToDigits(s.slice(4) + s.slice(0, 4))) === 1;
}

// National account-number shapes (bank code + account), enough to look right per country.
const BBAN_SHAPE: Record<string, (rng: Rng) => string> = {
  BE: (rng) => {
    const base = rng.digits(10);
    const c = Number(BigInt(base) % 97n) || 97;
    return `${base}${String(c).padStart(2, '0')}`;
  },
  NL: (rng) => `${rng.pick(['INGB', 'RABO', 'ABNA', 'TRIO'])}${rng.digits(10)}`,
  PT: (rng) => `0033${rng.digits(17)}`,
  FR: (rng) => `30004${rng.digits(5)}${rng.digits(11)}${rng.digits(2)}`,
  DE: (rng) => `${rng.pick(['37040044', '50070010', '10010010'])}${rng.digits(10)}`,
  CH: (rng) => `00762${rng.digits(12)}`,
  LU: (rng) => `001${rng.digits(13)}`,
  GB: (rng) => `${rng.pick(['NWBK', 'BARC', 'LOYD'])}${rng.digits(14)}`,
};

export function randomIban(country: string, rng: Rng): string | undefined {
  const shape = BBAN_SHAPE[country];
  return shape ? makeIban(country, shape(rng)) : undefined;
}

/** Belgian enterprise number (10 digits, last two = 97 − first eight mod 97). */
export function beEnterpriseNumber(first8: string): string {
  const c = 97 - (Number(first8) % 97);
  return `${first8}${String(c).padStart(2, '0')}`;
}
