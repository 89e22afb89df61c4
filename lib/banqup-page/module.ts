/**
 * Where the Banqup page module (./page.ts) and the guide module (lib/banqup-page/guide/guide.ts) are in the
 * built extension, and their types. Each is self-contained: with use_dynamic_url a module's
 * relative imports would resolve against the extension's fixed URL, which pages may not load.
 */
export const PAGE_MODULE_DIR = 'content-scripts/banqup-page';
export const PAGE_MODULE_PATH = `/${PAGE_MODULE_DIR}/page.js`;
export const GUIDE_MODULE_PATH = `/${PAGE_MODULE_DIR}/guide.js`;
export type BanqupPageModule = typeof import('./page');
