/**
 * The setup guide's sentences (lib/banqup-page/guide), every language bundled into the guide
 * module, which loads only when the guide opens. Placeholders no parameter fills name Banqup's
 * own labels; lib/banqup-page/guide/text.ts fills them from the site data.
 */
import { defineSurface } from '../surface';
import { de } from './de';
import { en, type GuideKey } from './en';
import { fr } from './fr';
import { nl } from './nl';
import { pt } from './pt';

export type { GuideKey };
export const guideCatalogue = defineSurface<GuideKey>(en, { pt, fr, nl, de });
