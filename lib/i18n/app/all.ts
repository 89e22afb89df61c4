/** Registers every catalogue at once, for the worker and content scripts (no lazy loading there). */
import { de } from './de';
import { fr } from './fr';
import { registerCatalogue } from '../index';
import { nl } from './nl';
import { pt } from './pt';

registerCatalogue('pt', pt);
registerCatalogue('fr', fr);
registerCatalogue('nl', nl);
registerCatalogue('de', de);
