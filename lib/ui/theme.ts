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
type Storage = {
  local: { get(key: string): Promise<Record<string, unknown>> };
  onChanged: Pick<typeof browser.storage.onChanged, 'addListener' | 'removeListener'>;
};
import { themeStorageKey, themes, type Theme } from '../settings/theme';

const parse = (value: unknown): Theme => (themes.includes(value as Theme) ? (value as Theme) : 'system');

export function setTheme(root: HTMLElement, theme: Theme): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

/** This origin's synchronous copy of the last theme seen, so the first paint has it (storage.local answers later). */
const cacheKey = 'ykc-theme';

/**
 * Applies the theme at once from the page's cached copy, then from storage.local (the source of
 * truth), and follows its changes; returns the unwatch function. The view need not wait for it.
 */
export function applyStoredTheme(storage: Storage, root: HTMLElement = document.documentElement): () => void {
  const apply = (value: unknown) => {
    const theme = parse(value);
    setTheme(root, theme);
    localStorage.setItem(cacheKey, theme);
  };
  setTheme(root, parse(localStorage.getItem(cacheKey)));
  const onChanged = (changes: { [key: string]: Browser.storage.StorageChange }, area: string) => {
    if (area === 'local' && themeStorageKey in changes) apply(changes[themeStorageKey]!.newValue);
  };
  storage.onChanged.addListener(onChanged);
  void storage.local.get(themeStorageKey).then(
    (found) => apply(found[themeStorageKey]),
    () => undefined,
  );
  return () => storage.onChanged.removeListener(onChanged);
}
