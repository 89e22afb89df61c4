/** Sends a typed request to the background and unwraps its typed answer (extension pages). */
import { browser } from 'wxt/browser';
import { askVia } from './ask';

export const ask = askVia(browser.runtime);
