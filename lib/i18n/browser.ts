/**
 * Strings that follow the browser's own language, not a page's: the context menu and the
 * notifications (and the manifest's name and description, which the browser reads itself).
 * They live in public/_locales/<lang>/messages.json, as browsers expect, and are read with
 * `browser.i18n.getMessage`, so the worker carries no catalogue at all.
 */
import { browser } from 'wxt/browser';
import type messages from '../../public/_locales/en/messages.json';

/** Keys the code asks for; the manifest's `__MSG_extName__` and `__MSG_extDescription__` are the browser's. */
export type BrowserMessageKey = Exclude<keyof typeof messages, 'extName' | 'extDescription'>;

/**
 * The message in the browser's language. `substitutions` fill the message's placeholders in the
 * order of their `content` ($1, $2…) in the English messages.json.
 */
export function browserText(key: BrowserMessageKey, substitutions: (string | number)[] = []): string {
  return browser.i18n.getMessage(key, substitutions.map(String));
}
