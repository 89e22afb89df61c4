/**
 * The popup's later tabs (export, history) with their words, fetched once: when one is opened,
 * or earlier, when the pointer or focus reaches a tab or the popup falls idle, so a switch finds
 * them ready. They stay out of the popup's first chunk, which paints the status without them.
 */
import type { Language } from '../lib/i18n';
import { loadLanguage } from '../lib/i18n/app';

export type LaterTabs = typeof import('./PopupTabs');

let pending: Promise<LaterTabs> | undefined;

export function loadLaterTabs(language: Language): Promise<LaterTabs> {
  // The chunk's import joins the export section; then its language chunk loads (none for English).
  pending ??= import('./PopupTabs').then(async (tabs) => {
    await loadLanguage(language);
    return tabs;
  });
  // A chunk that failed (an extension update replaced it) is asked for again next time.
  pending.catch(() => {
    pending = undefined;
  });
  return pending;
}
