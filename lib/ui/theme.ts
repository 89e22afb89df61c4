/**
 * Applies the Appearance setting (lib/settings themeItem) to an extension page: `data-theme` on
 * the root element switches styles/tokens.css between light and dark; "system" removes it so
 * `prefers-color-scheme` decides. Follows changes made in the options page while open.
 */
import { themeItem, themes, type Theme } from '../settings/items';

export function setTheme(root: HTMLElement, theme: Theme): void {
  if (theme === 'system' || !themes.includes(theme)) delete root.dataset.theme;
  else root.dataset.theme = theme;
}

/** Applies the stored theme and watches it; returns the unwatch function. */
export async function applyStoredTheme(root: HTMLElement = document.documentElement, item = themeItem): Promise<() => void> {
  setTheme(root, await item.getValue());
  return item.watch((theme) => setTheme(root, theme ?? 'system'));
}
