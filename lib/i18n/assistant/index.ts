/**
 * The assistant on Yokoy's pages (lib/yokoy-page): every language bundled, because a content
 * script is one file, and few enough sentences that they cost less than a fetch.
 */
import { defineSurface } from '../surface';
import { de } from './de';
import { en, type AssistantKey } from './en';
import { fr } from './fr';
import { nl } from './nl';
import { pt } from './pt';

export type { AssistantKey };
export const assistantText = defineSurface<AssistantKey>(en, { pt, fr, nl, de });
