/**
 * Applies the Appearance setting (lib/settings themeItem) to an extension page: `data-theme` on
 * the root element switches styles/tokens.css between light and dark; "system" removes it so
 * `prefers-color-scheme` decides. Follows changes made in the options page while open.
 *
 * It reads the item's storage key directly rather than through `themeItem`: the popup then
 * ships without @wxt-dev/storage (9 KB gzip of its 25 KB budget, bench/bundle-size.ts). The
 * value is a plain string, so the two paths cannot disagree; the item stays the one writer.
 */
import type { browser, Browser } from 'wxt/browser';

/** The part of `browser.storage` used here (a fake in tests). */
type Storage = { local: Pick<Browser.storage.StorageArea, 'get'>; onChanged: Pick<typeof browser.storage.onChanged, 'addListener' | 'removeListener'> };
import { themeStorageKey, themes, type Theme } from '../settings/theme';

const parse = (value: unknown): Theme => (themes.includes(value as Theme) ? (value as Theme) : 'system');

export function setTheme(root: HTMLElement, theme: Theme): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

/** Applies the stored theme and watches it; returns the unwatch function. */
export async function applyStoredTheme(storage: Storage, root: HTMLElement = document.documentElement): Promise<() => void> {
  const onChanged = (changes: { [key: string]: Browser.storage.StorageChange }, area: string) => {
    if (area === 'local' && themeStorageKey in changes) setTheme(root, parse(changes[themeStorageKey]!.newValue));
  };
  storage.onChanged.addListener(onChanged);
  setTheme(root, parse((await storage.local.get(themeStorageKey))[themeStorageKey]));
  return () => storage.onChanged.removeListener(onChanged);
}
