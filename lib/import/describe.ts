/** Why a dropped file is not sent, in the user's language (sizes through Intl). */
import type { Language } from '../i18n';
import type { MessageKey } from '../i18n/app';
import type { Verdict } from './check';
import type { SkipReason, Skipped } from './drop';

type T = (key: MessageKey, params?: Record<string, string>) => string;

const keys: Record<SkipReason, MessageKey> = {
  'ubl:not-xml': 'skipUblNotXml',
  'ubl:too-large': 'skipUblTooLarge',
  'ubl:doctype': 'skipUblDoctype',
  'ubl:too-deep': 'skipUblTooDeep',
  'ubl:malformed': 'skipUblMalformed',
  'ubl:not-ubl': 'skipUblNotUbl',
  'ubl:not-an-invoice': 'skipUblNotAnInvoice',
  'ubl:missing-field': 'skipUblMissingField',
  'ubl:bad-field': 'skipUblBadField',
  'zip-corrupt': 'skipZipCorrupt',
  'zip-encrypted': 'skipZipEncrypted',
  'zip-too-many-entries': 'skipZipTooManyEntries',
  'zip-entry-too-large': 'skipZipEntryTooLarge',
  'zip-total-too-large': 'skipZipTotalTooLarge',
  'zip-ratio': 'skipZipRatio',
  'zip-unsafe-name': 'skipZipUnsafeName',
  'zip-nested': 'skipZipNested',
  'unsupported-type': 'skipUnsupported',
  'too-large': 'skipTooLarge',
  unreadable: 'skipUnreadable',
  'same-file-twice': 'skipSameFileTwice',
  'same-invoice-twice': 'skipSameInvoiceTwice',
  'pdf-already-embedded': 'skipPdfEmbedded',
};

const sizes = new Set<SkipReason>(['ubl:too-large', 'zip-entry-too-large', 'zip-total-too-large', 'too-large']);

export function describeSkip(t: T, language: Language, skipped: Pick<Skipped, 'reason' | 'detail'>): string {
  let detail = skipped.detail ?? '';
  if (sizes.has(skipped.reason) && /^\d+$/.test(detail)) {
    detail = new Intl.NumberFormat(language, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 0 }).format(
      Number(detail) / (1024 * 1024),
    );
  } else if (/^\d+$/.test(detail)) detail = new Intl.NumberFormat(language).format(Number(detail));
  return t(keys[skipped.reason], { detail });
}

const verdictKeys: Partial<Record<Verdict['verdict'], MessageKey>> = {
  'already-imported': 'skipAlreadyImported',
  'in-queue': 'skipInQueue',
  'sent-from-banqup': 'skipSentFromBanqup',
  'imported-from-other-file': 'skipOtherFile',
};

export function describeVerdict(t: T, verdict: Verdict): string | undefined {
  const key = verdictKeys[verdict.verdict];
  return key ? t(key) : undefined;
}
