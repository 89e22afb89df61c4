/**
 * Checks a credential as the user types or pastes it: trims, strips a pasted label ("Client
 * ID: …", "ID da organização Yokoy …"), refuses impossible characters with the reason, and
 * flags values that look like they belong in another field. Pure: the popup runs it on every
 * keystroke and the background runs it again before storing.
 *
 * Formats: organization and legal-entity IDs follow Yokoy's API description (`[\w-]+`; 10-,
 * 20- and 21-character IDs occur). Client IDs and secrets have no documented format, so for
 * them the checks warn rather than refuse.
 */
import { uuidPattern } from '../ids/ids';

export type CredentialField = 'clientId' | 'clientSecret' | 'organizationId';

export type Finding =
  | { kind: 'label-removed'; label: string }
  | { kind: 'quotes-removed' }
  | { kind: 'whitespace-removed' }
  | { kind: 'empty' }
  | { kind: 'bad-character'; character: string; position: number }
  | { kind: 'looks-like'; other: 'clientSecret' | 'organizationId' | 'clientId' | 'legalEntityId' }
  | { kind: 'unusual-format' };

export interface Checked {
  value: string;
  /** Refusals: the value cannot be used as it is. */
  errors: Finding[];
  /** Warnings: the value may be right; say what looks odd. */
  warnings: Finding[];
  /** What was changed to get `value` (for a quiet "we removed …" note). */
  fixes: Finding[];
}

export interface CheckContext {
  /** Legal-entity IDs known from an earlier verification (to spot one in the organization field). */
  knownLegalEntityIds?: readonly string[];
  /** The other fields' current values (to spot the same value pasted twice). */
  others?: Partial<Record<CredentialField, string>>;
}

// A label copied along with the value: a few words of letters (any language), then an
// optional ":" or "=". Credentials contain no spaces, so words before the value are a label.
/** A label names what it labels: without one of these words, the text is not a label. */
const labelWord =
  /(^|[^\p{L}])(id|client|cliente|clientid|klant|secret|segredo|geheim|clientgeheim|organi[sz]a\p{L}*|identifi\p{L}*|oauth|yokoy)($|[^\p{L}])/iu;
const labelPattern = /^([\p{L}][\p{L}'’().]*(?:[\s_-]+[\p{L}'’().]+){0,6})\s*(?:[:=]\s*|\s+)(?=\S+$)/u;

const yokoyIdPattern = /^[\w-]+$/;

function looksLikeSecret(value: string): boolean {
  if (uuidPattern.test(value)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/].filter((r) => r.test(value)).length;
  return value.length >= 24 && (classes === 3 || /[+/=._~]/.test(value));
}

function looksLikeOrganizationId(value: string): boolean {
  return /^[A-Za-z0-9]{10}$|^[A-Za-z0-9]{20,21}$/.test(value);
}

function firstBadCharacter(value: string, allowed: RegExp): Finding | undefined {
  const chars = [...value];
  const index = chars.findIndex((c) => !allowed.test(c));
  return index < 0 ? undefined : { kind: 'bad-character', character: chars[index]!, position: index };
}

export function checkCredential(field: CredentialField, raw: string, context: CheckContext = {}): Checked {
  const fixes: Finding[] = [];
  const errors: Finding[] = [];
  const warnings: Finding[] = [];

  // Zero-width and non-breaking spaces come along with copies from web pages.
  let value = raw.replace(/[\u200b-\u200d\ufeff]/g, '').replace(/\u00a0/g, ' ');
  const trimmed = value.trim();
  if (trimmed !== value) fixes.push({ kind: 'whitespace-removed' });
  value = trimmed;

  // A value copied with its label: keep only what follows "label:" (or "label " for IDs).
  const lines = value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length > 1) {
    // "Client ID\nabc…" pasted from a two-line layout: the value is the last line.
    fixes.push({ kind: 'label-removed', label: lines.slice(0, -1).join(' ') });
    value = lines[lines.length - 1]!;
  }
  const label = labelPattern.exec(value);
  if (label && labelWord.test(label[1]!)) {
    fixes.push({ kind: 'label-removed', label: label[1]! });
    value = value.slice(label[0].length);
  }
  const quoted = /^(["'`“”‘’«])(.*)(["'`“”‘’»])$/u.exec(value);
  if (quoted) {
    value = quoted[2]!.trim();
    fixes.push({ kind: 'quotes-removed' });
  }

  if (!value) {
    errors.push({ kind: 'empty' });
    return { value, errors, warnings, fixes };
  }

  if (field === 'organizationId') {
    const bad = firstBadCharacter(value, /[\w-]/);
    if (bad) errors.push(bad);
  } else {
    // No documented format: refuse only what cannot be part of a credential sent in a header.
    const bad = firstBadCharacter(value, /[\x21-\x7e]/);
    if (bad) errors.push(bad);
  }

  if (field === 'clientId') {
    if (value === context.others?.organizationId) warnings.push({ kind: 'looks-like', other: 'organizationId' });
    else if (looksLikeSecret(value)) warnings.push({ kind: 'looks-like', other: 'clientSecret' });
    else if (looksLikeOrganizationId(value)) warnings.push({ kind: 'looks-like', other: 'organizationId' });
  }
  if (field === 'clientSecret') {
    if (value === context.others?.clientId) warnings.push({ kind: 'looks-like', other: 'clientId' });
    else if (uuidPattern.test(value)) warnings.push({ kind: 'looks-like', other: 'clientId' });
  }
  if (field === 'organizationId' && !errors.length) {
    if (context.knownLegalEntityIds?.includes(value)) warnings.push({ kind: 'looks-like', other: 'legalEntityId' });
    else if (uuidPattern.test(value) || value === context.others?.clientId) warnings.push({ kind: 'looks-like', other: 'clientId' });
    else if (looksLikeSecret(value)) warnings.push({ kind: 'looks-like', other: 'clientSecret' });
    else if (!yokoyIdPattern.test(value) || ![10, 20, 21].includes(value.length)) warnings.push({ kind: 'unusual-format' });
  }
  return { value, errors, warnings, fixes };
}
