/**
 * Where the Banqup page module (./page.ts) and the guide module (lib/banqup-page/guide/guide.ts) are in the
 * built extension. Each is self-contained: with use_dynamic_url a module's relative imports
 * would resolve against the extension's fixed URL, which pages may not load. Only paths here:
 * their types are next to them (./page.ts, ./guide/loader.ts), so this file, which the page
 * module's own parts read, imports nothing back.
 */
export const PAGE_MODULE_DIR = 'content-scripts/banqup-page';
export const PAGE_MODULE_PATH = `/${PAGE_MODULE_DIR}/page.js`;
export const GUIDE_MODULE_PATH = `/${PAGE_MODULE_DIR}/guide.js`;
