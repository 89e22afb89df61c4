/**
 * The Banqup page module's words (the launcher, the export helpers), in the page's language.
 * Every language is bundled: the page module is one self-contained file (lib/banqup-page/module.ts),
 * and these few lines cost less than a fetch. The guide's sentences are the guide module's (../guide).
 */
import { pickLanguage } from '../index';
import type { MessageParams } from '../format';
import { defineSurface } from '../surface';
import { de } from './de';
import { en, type BanqupPageKey } from './en';
import { fr } from './fr';
import { nl } from './nl';
import { pt } from './pt';

export type { BanqupPageKey };
export const banqupPageText = defineSurface<BanqupPageKey>(en, { pt, fr, nl, de });

/** An export helper's line in the page's language (`<html lang>`); a missing parameter stays empty. */
export function exportText(lang: string | undefined, key: BanqupPageKey, params: MessageParams = {}): string {
  // Counts in the page's language ("1 234" in fr, "1.234" in de).
  return banqupPageText.translate(pickLanguage(lang), key, params, () => '');
}
