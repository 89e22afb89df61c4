import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { optionalHostPermissions, productionHostPatterns, productionHostPermissions, sandboxHostPatterns } from './lib/sites/hosts';

// Production matches Banqup and Yokoy only. `--mode sandbox` (npm start, e2e tests) adds the
// sandbox's loopback names, so the store build never carries a localhost pattern.
export default defineConfig({
  // A separate output folder lets two builds (and their e2e runs) proceed side by side.
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  // WXT_NO_MINIFY=1: readable stacks for the bench's diagnosis tools (bench/tools).
  vite: () => ({ plugins: [preact()], build: process.env.WXT_NO_MINIFY ? { minify: false } : {} }),
  manifest: ({ mode, browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    // Each permission is pinned, with its reason, by tests/e2e/manifest.test.ts.
    permissions: ['storage', 'contextMenus', 'alarms'],
    optional_permissions: ['notifications'],
    // A custom Yokoy address (a proxy, a staging host) is asked for when the user saves it.
    // Another Banqup host is asked for the same way (lib/sites/hosts.ts: the one host list).
    optional_host_permissions: [...optionalHostPermissions],
    host_permissions: [
      ...productionHostPermissions,
      ...(mode === 'sandbox' ? [sandboxHostPatterns.banqup, sandboxHostPatterns.yokoyWeb, sandboxHostPatterns.yokoyApi] : []),
    ],
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          // Firefox builds MV2, which has no `optional_host_permissions` (WXT drops it): there an
          // optional origin goes in `optional_permissions`, so a custom Yokoy address can still be asked for.
          optional_permissions: ['notifications', ...optionalHostPermissions],
          browser_specific_settings: {
            gecko: {
              id: 'yokoy-companion@banqup-tools.invalid',
              // Firefox's built-in consent: the extension sends the user's Yokoy credentials (to
              // Yokoy's token endpoint) and invoices (Banqup → Yokoy), nothing to its authors.
              data_collection_permissions: { required: ['authenticationInfo', 'financialAndPaymentInfo'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.mode !== 'sandbox') return;
      // Content scripts declare production matches; the sandbox build adds its own origins.
      const widen = (matches: string[] = []) => {
        if (matches.some((m) => productionHostPatterns.banqup.includes(m))) matches.push(sandboxHostPatterns.banqup);
        if (matches.some((m) => productionHostPatterns.yokoyWeb.includes(m))) matches.push(sandboxHostPatterns.yokoyWeb);
      };
      for (const script of manifest.content_scripts ?? []) widen(script.matches);
      for (const resource of manifest.web_accessible_resources ?? []) {
        if (typeof resource !== 'string') widen(resource.matches);
      }
    },
  },
});
