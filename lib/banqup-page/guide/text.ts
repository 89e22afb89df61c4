/**
 * The guide's language and sentences: the Banqup page's `<html lang>` first, then the
 * browser's, then English. `{label}` placeholders quote Banqup's own labels (site data) in
 * that language, so the guide names controls exactly as the screen does.
 */
import type { Language } from '../../i18n';
import { banqupLabel, banqupLabels, type BanqupLabel } from '../../sites/banqup/wizard';
import { de } from '../../i18n/guide/de';
import { en, type GuideKey } from '../../i18n/guide/en';
import { fr } from '../../i18n/guide/fr';
import { nl } from '../../i18n/guide/nl';
import { pt } from '../../i18n/guide/pt';

export type { GuideKey };
const catalogues: Record<Language, Record<GuideKey, string>> = { en, pt, fr, nl, de };

export { pickLanguage } from '../language';

export type Translate = (key: GuideKey, params?: Record<string, string | number>) => string;

export function guideText(language: Language): Translate {
  return (key, params = {}) =>
    (catalogues[language][key] ?? en[key]).replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : name in banqupLabels ? banqupLabel(name as BanqupLabel, language) : whole,
    );
}
