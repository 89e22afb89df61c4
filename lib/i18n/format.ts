/**
 * Numbers, amounts, dates, durations and plural forms in the user's language, through `Intl`.
 * The language is one of ours (pt, en, fr, nl, de); the region comes from the browser when it
 * speaks that language ("pt-BR" stays Brazilian), else a European default (a Portuguese user
 * reads "110,48 €", not "€ 110,48"). Formatters are cached: views call these per row.
 */
import type { Language } from './index';

/** Our users' default regions per language (Banqup's markets), when the browser names none. */
const defaultRegions: Record<Language, string> = { en: 'en-GB', pt: 'pt-PT', fr: 'fr-FR', nl: 'nl-NL', de: 'de-DE' };

const browserLocales = (): readonly string[] => (typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]));

/** The BCP 47 locale to format for: the browser's own tag when it is in `language`, else our default region. */
export function localeFor(language: Language, preferred: readonly string[] = browserLocales()): string {
  // Browsers give well-formed BCP 47 tags ("pt-BR"); "_" comes from other sources ("fr_BE").
  const own = preferred.find((tag) => tag?.toLowerCase().split(/[-_]/)[0] === language && /[-_]/.test(tag));
  return own?.replace('_', '-') ?? defaultRegions[language];
}

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>();
function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>(key: string, make: () => F): F {
  let f = cache.get(key) as F | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}

export function formatCount(language: Language, n: number): string {
  const locale = localeFor(language);
  return cached(`n|${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })).format(n);
}

/** An amount in its currency ("110,48 €" in pt, "€110.48" in en); a code Intl does not know is written after the number. */
export function formatMoney(language: Language, amount: number, currency?: string): string {
  const locale = localeFor(language);
  const code = currency?.trim().toUpperCase();
  if (code && /^[A-Z]{3}$/.test(code)) {
    try {
      return cached(`m|${locale}|${code}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency: code })).format(amount);
    } catch {
      // Not a currency Intl formats: plain number and the code, below.
    }
  }
  const number = cached(`a|${locale}`, () => new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })).format(
    amount,
  );
  return code ? `${number} ${code}` : number;
}

export type DateStyle = 'date' | 'dateTime' | 'time';

export function formatDate(language: Language, at: number | Date, style: DateStyle = 'date'): string {
  const locale = localeFor(language);
  const options: Intl.DateTimeFormatOptions =
    style === 'date' ? { dateStyle: 'medium' } : style === 'time' ? { timeStyle: 'short' } : { dateStyle: 'short', timeStyle: 'short' };
  return cached(`d|${locale}|${style}`, () => new Intl.DateTimeFormat(locale, options)).format(at);
}

/** A duration rounded the way people say it: seconds under a minute, minutes under two hours, then hours. */
export function formatDuration(language: Language, ms: number): string {
  const locale = localeFor(language);
  const seconds = Math.max(1, Math.round(ms / 1000));
  const [value, unit] =
    seconds < 60 ? [seconds, 'second'] : seconds < 7200 ? [Math.round(seconds / 60), 'minute'] : [Math.round(seconds / 360) / 10, 'hour'];
  return cached(
    `u|${locale}|${unit}`,
    () => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 1 }),
  ).format(value);
}

export function pluralCategory(language: Language, n: number): Intl.LDMLPluralRule {
  const locale = localeFor(language);
  return cached(`p|${locale}`, () => new Intl.PluralRules(locale)).select(n);
}

export type MessageParams = Record<string, string | number>;

/**
 * What fills a placeholder no parameter names: the guide quotes Banqup's own label by that name,
 * the export helpers leave it empty. Without one the placeholder stays as written, so a missing
 * parameter shows in the view instead of vanishing.
 */
export type Unfilled = (name: string) => string | undefined;

/**
 * The one interpolation, for every surface: `{name}` takes a parameter (numbers formatted for the
 * language) and `{name, plural, one {# invoice} other {# invoices}}` picks the language's plural
 * form (`=0`-style exact branches first; `#` is the formatted number), an ICU MessageFormat subset.
 */
export function interpolate(language: Language, text: string, params: MessageParams = {}, unfilled?: Unfilled): string {
  const value = (name: string) => {
    const v = params[name];
    return typeof v === 'number' ? formatCount(language, v) : (v ?? unfilled?.(name));
  };
  return expandPlurals(language, text, params).replace(/\{(\w+)\}/g, (_, name: string) => value(name) ?? `{${name}}`);
}

function expandPlurals(language: Language, text: string, params: MessageParams): string {
  const start = /\{(\w+),\s*plural,/g;
  let out = '';
  let from = 0;
  for (let m = start.exec(text); m; m = start.exec(text)) {
    const branches: Record<string, string> = {};
    let i = start.lastIndex;
    for (;;) {
      while (/\s/.test(text[i] ?? '')) i++;
      if (text[i] === '}' || i >= text.length) break;
      const key = /^(=\d+|\w+)\s*\{/.exec(text.slice(i));
      if (!key) break;
      i += key[0].length;
      let depth = 1;
      const bodyStart = i;
      while (i < text.length && depth) {
        if (text[i] === '{') depth++;
        else if (text[i] === '}') depth--;
        i++;
      }
      branches[key[1]!] = text.slice(bodyStart, i - 1);
    }
    const n = Number(params[m[1]!] ?? 0);
    const chosen = branches[`=${n}`] ?? branches[pluralCategory(language, n)] ?? branches.other ?? '';
    out += text.slice(from, m.index) + chosen.replace(/#/g, formatCount(language, n));
    from = i + 1;
    start.lastIndex = from;
  }
  return out + text.slice(from);
}

export function formatPercent(language: Language, fraction: number): string {
  const locale = localeFor(language);
  return cached(`%|${locale}`, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })).format(fraction);
}
