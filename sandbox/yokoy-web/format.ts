/**
 * Dates and amounts in the UI language's conventions. A missing or epoch-0 date (the store's
 * seeded client has `new Date(0)`, meaning "before anyone remembers") shows as a dash rather
 * than as 1 January 1970.
 */
import type { Language } from './labels';

const locales: Record<Language, string> = { en: 'en-GB', pt: 'pt-PT', fr: 'fr-FR', nl: 'nl-NL', de: 'de-CH' };

export function formatDate(language: Language, value: string | number | null | undefined, withTime = false): string {
  if (value === null || value === undefined || value === '') return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime()) || date.getTime() <= 0) return '—';
  return new Intl.DateTimeFormat(
    locales[language],
    withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' },
  ).format(date);
}

export function formatMoney(language: Language, amount: number | null, currency: string | null): string {
  if (amount === null || !Number.isFinite(amount)) return '—';
  try {
    return new Intl.NumberFormat(locales[language], currency ? { style: 'currency', currency } : { minimumFractionDigits: 2 }).format(
      amount,
    );
  } catch {
    // An unknown currency code (the API accepts what it is sent): show the plain number.
    return `${amount.toFixed(2)}${currency ? ` ${currency}` : ''}`;
  }
}
