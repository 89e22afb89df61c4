/**
 * The guide's sentences (lib/i18n/guide) in the Banqup page's language: `<html lang>` first,
 * then the browser's, then English. `{label}` placeholders quote Banqup's own labels (site data)
 * in that language, so the guide names controls exactly as the screen does.
 */
import type { Language } from '../../i18n';
import { guideCatalogue, type GuideKey } from '../../i18n/guide';
import type { Translate as SurfaceTranslate } from '../../i18n/surface';
import { banqupLabel, banqupLabels, type BanqupLabel } from '../../sites/banqup/wizard';

export type { GuideKey };
export type Translate = SurfaceTranslate<GuideKey>;

export function guideText(language: Language): Translate {
  return guideCatalogue.translator(language, (name) => (name in banqupLabels ? banqupLabel(name as BanqupLabel, language) : undefined));
}
