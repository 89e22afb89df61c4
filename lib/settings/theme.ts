/** The Appearance setting's values and storage key, apart from items.ts so a page can read it without @wxt-dev/storage (lib/ui/theme). */
export const themes = ['system', 'light', 'dark'] as const;
export type Theme = (typeof themes)[number];
/** `themeItem`'s key in storage.local ('local:theme' in WXT's notation). */
export const themeStorageKey = 'theme';
