/**
 * The browser side, served as-is (no bundler): the screens' scripts in `client/*.js`,
 * concatenated in a fixed order into one `/assets/app.js` inside a single strict-mode
 * function (so they share helpers without globals), plus `client/styles.css` and a favicon.
 * Read from disk per request: cheap, and edits show on reload while the sandbox runs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Router, send } from '../http';

const clientDir = fileURLToPath(new URL('./client/', import.meta.url));

/** Core first (helpers, API, shell, router), then one file per screen, then the start call. */
export const clientScripts = [
  'core.js',
  'shell.js',
  'dashboard.js',
  'apps.js',
  'setup-wizard.js',
  'purchases.js',
  'document.js',
  'bank-statements.js',
  'new-platform.js',
  'start.js',
];

export function appScript(): string {
  const parts = clientScripts.map((file) => `// ---- ${file} ----\n${readFileSync(join(clientDir, file), 'utf8')}`);
  return `(function () {\n'use strict';\n${parts.join('\n')}\n})();\n`;
}

const favicon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#0b5cab"/><path d="M9 8h6.5a5 5 0 0 1 3.6 8.5A5.5 5.5 0 0 1 16 26H9z" fill="#2ec4b6"/></svg>`;

export function addAssetRoutes(router: Router): void {
  const noCache = { 'cache-control': 'no-cache' };
  router.get('/assets/app.js', ({ res }) => send(res, 200, appScript(), 'text/javascript; charset=utf-8', noCache));
  router.get('/assets/app.css', ({ res }) =>
    send(res, 200, readFileSync(join(clientDir, 'styles.css')), 'text/css; charset=utf-8', noCache),
  );
  router.get('/assets/favicon.svg', ({ res }) => send(res, 200, favicon, 'image/svg+xml'));
  router.get('/favicon.ico', ({ res }) => send(res, 200, favicon, 'image/svg+xml'));
}
