/**
 * Banqup look-alike: the single-page app (one shell for every app path, History-API routing
 * in the browser), its internal JSON API, sign-in, the accounting-app wizard and the
 * `/__admin` hooks. Routes are split by concern; see each module's header for its shapes.
 */
import type { LookAlike } from '../app';
import { html, json, Router, send, serveRouter } from '../http';
import { addAdminRoutes } from './admin';
import { addApiRoutes } from './api';
import { addAssetRoutes } from './assets';
import { addAuthRoutes, currentUser, pageGuard, signedOutLanguage } from './auth';
import { addBtxRoutes, btxError } from './btx-api';
import { appShell, termsPage } from './pages';
import { addSetupRoutes } from './setup-api';

/** Paths the SPA draws; the server answers them all with the app shell (after the sign-in check). */
export const appPaths = [
  '/',
  '/apps',
  '/apps/accounting',
  '/apps/accounting/:screen',
  '/purchases',
  '/documents/:documentId',
  '/bank-statements',
  // New platform (the app host's paths seen in public test code: /home, …purchase-invoices).
  '/home',
  '/purchase-invoices',
  '/store',
];

export const banqup: LookAlike = {
  name: 'banqup',
  createHandler(env) {
    const store = env.state.banqup;
    const router = new Router();
    addAssetRoutes(router);
    addAuthRoutes(router, store);
    addAdminRoutes(router, store, env);
    addApiRoutes(router, store);
    addBtxRoutes(router, store);
    addSetupRoutes(router, store, env);
    const shell = pageGuard(store, ({ res }, user) => {
      const space = store.spaces.get(user.spaceId);
      if (!space) return send(res, 500, 'No space for this user', 'text/plain');
      html(res, 200, appShell(user, space, store.platform), { 'cache-control': 'no-store' });
    });
    for (const path of appPaths) router.get(path, shell);
    router.get('/legal/accounting-terms', ({ req, res }) =>
      html(res, 200, termsPage(currentUser(store, req)?.language ?? signedOutLanguage(req))),
    );
    const handle = serveRouter(
      router,
      (ctx) =>
        /^\/(datastore|entitystore)\//.test(ctx.url.pathname)
          ? btxError(ctx, 404, 'Not Found', 'No such resource.')
          : ctx.url.pathname.startsWith('/api/')
            ? json(ctx.res, 404, { error: 'not_found' })
            : send(ctx.res, 404, 'Not found', 'text/plain; charset=utf-8'),
      ({ res, url }) =>
        url.pathname.startsWith('/api/')
          ? json(res, 405, { error: 'method_not_allowed' })
          : send(res, 405, 'Method not allowed', 'text/plain'),
    );
    // `apiLatencyMs` on the store (benchmarks): every /api/ answer waits that long, like a real
    // server across the internet; pages and assets do not.
    return async (req, res) => {
      const latency = (store as { apiLatencyMs?: number }).apiLatencyMs ?? 0;
      if (latency > 0 && req.url?.startsWith('/api/')) await new Promise((resolve) => setTimeout(resolve, latency));
      return handle(req, res);
    };
  },
};
