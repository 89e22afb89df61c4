/**
 * Test and demo hooks, outside the product's surface (prefix `/__admin`, no auth):
 *   POST /__admin/reset            → resets the whole sandbox state (Banqup and Yokoy), 204
 *   GET  /__admin/setup[?email=]   → the accounting-app setup of the seeded (or named) user, raw
 *   POST|GET /__admin/session[?next=/path] → signs the seeded user in (sets banqup_session) and
 *                                    redirects to `next`; GET too, so a browser can open it
 *   GET  /__admin/import-report    → the SANDBOX_INVOICES import report (or null)
 *   GET|PUT /__admin/platform       → {platform: 'classic' | 'new'}: which Banqup the look-alike
 *                                    plays (until the next reset, which returns to the start option)
 */
import type { Ctx } from '../http';
import { json, redirect, type Router } from '../http';
import type { LookAlikeEnv } from '../app';
import { safeNext, sessionCookieHeader } from './auth';
import { banqupSeedUser, isBanqupPlatform, type BanqupStore } from './store';
import { readBody } from '../http';

export function addAdminRoutes(router: Router, store: BanqupStore, env: LookAlikeEnv): void {
  router.post('/__admin/reset', ({ res }) => {
    env.state.reset();
    res.writeHead(204).end();
  });

  router.get('/__admin/setup', ({ res, url }) => {
    const user = store.findUserByEmail(url.searchParams.get('email') ?? banqupSeedUser.email);
    if (!user) return json(res, 404, { error: 'not_found' });
    json(res, 200, store.setupFor(user.userId));
  });

  const session = ({ res, url }: Ctx) => {
    const token = store.createSession(banqupSeedUser.userId);
    redirect(res, safeNext(url.searchParams.get('next')), { 'set-cookie': sessionCookieHeader(token) });
  };
  router.post('/__admin/session', session);
  router.get('/__admin/session', session);

  router.get('/__admin/platform', ({ res }) => json(res, 200, { platform: store.platform }));
  router.put('/__admin/platform', async ({ req, res }) => {
    let platform: unknown;
    try {
      platform = (JSON.parse((await readBody(req, 4096)).toString('utf8')) as { platform?: unknown } | null)?.platform;
    } catch {
      return json(res, 400, { error: 'invalid_json' });
    }
    if (!isBanqupPlatform(platform)) return json(res, 400, { error: 'invalid_platform', allowed: ['classic', 'new'] });
    store.platform = platform;
    json(res, 200, { platform });
  });

  router.get('/__admin/import-report', ({ res }) => json(res, 200, store.importReport ?? null));
}
