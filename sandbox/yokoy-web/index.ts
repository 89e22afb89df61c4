/**
 * Yokoy web look-alike: sign-in, the app shell, Admin → Developer (credentials with a one-time
 * secret), Invoice processor → Invoices, and "Sign in with Yokoy" for Banqup. This file only
 * wires routes to the modules beside it.
 *
 * Routes:
 *   GET  /login, POST /login, GET|POST /logout           session cookie `yokoy_session`
 *   GET|POST /__admin/session?as=dev|clerk|<email>&next=/path   quick sign-in (tests, demo)
 *   POST /settings/language (lang, next)                 cookie `yokoy_lang`
 *   GET  /                                               home
 *   GET  /admin/developer                                Developer page (or "ask your admin"); Perk: → Spend tools
 *   GET  /admin/organization                             Admin > Organization (organization ID top right); Perk: → Spend tools
 *   GET  /developer-tools/spend-tools                    Perk's Developer tools > Spend tools (Access credentials tab)
 *   GET|POST /api/developer/credentials                  the page's JSON calls (x-csrf-token)
 *   GET  /invoice-processor/invoices?legalEntity=<id>    invoices of one legal entity
 *   GET|POST /oauth/authorize, POST /oauth/token         see consent.ts
 *   other navigation entries                             empty sections
 *
 * Options (`startSandbox({ yokoyWeb })`, `npm run sandbox -- --yokoy-brand perk --yokoy-language de`):
 * `brand` 'yokoy' | 'perk' (Perk's menus, name and word mark; the same credentials), `language`
 * the default UI language (a user's choice in the user menu still wins).
 */
import type { IncomingMessage } from 'node:http';
import type { LookAlike } from '../app';
import { html, json, readBody, redirect, Router, send, serveRouter, type Ctx } from '../http';
import { appJs } from './client-app';
import { developerJs } from './client-developer';
import { authorizationErrorPage, consentPage, createAuthorization } from './consent';
import { createCredentials, listCredentials } from './credentials';
import { developerPage, hasDeveloperRole } from './developer';
import { invoicesPage } from './invoices';
import { isLanguage } from './labels';
import { credentialsPath } from './layout';
import { organizationPage } from './organization';
import { loginPage } from './login';
import { emptySectionPage, emptySections, homePage } from './sections';
import {
  clearSessionCookieHeader,
  createSessions,
  languageCookieHeader,
  languageOf as languageFor,
  quickUsers,
  safeNext,
  sessionCookieHeader,
  type Viewer,
} from './session';
import { appCss } from './styles';

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new URLSearchParams((await readBody(req, 1024 * 1024)).toString('utf8'));
}

export const yokoyWeb: LookAlike = {
  name: 'yokoyWeb',
  createHandler({ state, urls, yokoyWeb: options = {} }) {
    const store = state.yokoy;
    const brand = options.brand ?? 'yokoy';
    const sessions = createSessions(store, brand);
    const languageOf = (req: IncomingMessage) => languageFor(req, options.language);
    const authorization = createAuthorization(urls.banqup);
    const here = (url: URL) => url.pathname + url.search;

    /** The signed-in viewer, or a redirect to the sign-in page that comes back here. */
    const signedIn = ({ req, res, url }: Ctx): Viewer | undefined => {
      const viewer = sessions.viewer(req);
      if (!viewer) redirect(res, `/login?next=${encodeURIComponent(here(url))}`);
      return viewer;
    };
    const asset =
      (body: string, type: string) =>
      ({ res }: Ctx) =>
        send(res, 200, body, type, { 'cache-control': 'no-cache' });

    const quickSession = ({ res, url }: Ctx) => {
      const as = url.searchParams.get('as') ?? 'dev';
      const email = quickUsers[as] ?? as.toLowerCase();
      if (!store.users.has(email)) return json(res, 404, { error: `No sandbox user "${as}"; use dev, clerk or a seeded email.` });
      const session = sessions.start(email);
      redirect(res, safeNext(url.searchParams.get('next')), { 'set-cookie': sessionCookieHeader(session) });
    };

    const logout = ({ req, res, url }: Ctx) => {
      sessions.end(req);
      const next = url.searchParams.get('next');
      redirect(res, next ? `/login?next=${encodeURIComponent(safeNext(next))}` : '/login', { 'set-cookie': clearSessionCookieHeader });
    };

    const authorize = async (ctx: Ctx, params: URLSearchParams, decision?: string) => {
      const { req, res } = ctx;
      const language = languageOf(req);
      const checked = authorization.validate(params);
      if (!checked.ok && !checked.redirectable) return html(res, 400, authorizationErrorPage(language, checked.reason, brand));
      if (!checked.ok) return redirect(res, authorization.answer(checked.request, { error: checked.error }));
      const authorizeUrl = `/oauth/authorize?${new URLSearchParams({
        response_type: checked.request.responseType,
        client_id: checked.request.clientId,
        redirect_uri: checked.request.redirectUri,
        ...(checked.request.state === null ? {} : { state: checked.request.state }),
      })}`;
      const viewer = sessions.viewer(req);
      if (!viewer) return redirect(res, `/login?next=${encodeURIComponent(authorizeUrl)}`);
      if (decision === undefined) return html(res, 200, consentPage(language, viewer, checked.request, authorizeUrl));
      if (params.get('csrf') !== viewer.session.csrf) return html(res, 400, authorizationErrorPage(language, 'request', brand));
      if (decision === 'allow')
        return redirect(res, authorization.answer(checked.request, { code: authorization.issueCode(checked.request, viewer) }));
      return redirect(res, authorization.answer(checked.request, { error: 'access_denied' }));
    };

    const router = new Router()
      .get('/assets/app.css', asset(appCss, 'text/css; charset=utf-8'))
      .get('/assets/app.js', asset(appJs, 'text/javascript; charset=utf-8'))
      .get('/assets/developer.js', asset(developerJs, 'text/javascript; charset=utf-8'))

      .get('/login', ({ req, res, url }) => {
        const next = safeNext(url.searchParams.get('next'));
        if (sessions.viewer(req)) return redirect(res, next);
        html(res, 200, loginPage(languageOf(req), next, {}, brand));
      })
      .post('/login', async ({ req, res }) => {
        const form = await readForm(req);
        const email = form.get('email') ?? '';
        const next = safeNext(form.get('next'));
        const user = sessions.authenticate(email, form.get('password') ?? '');
        if (!user) return html(res, 401, loginPage(languageOf(req), next, { email, failed: true }, brand));
        redirect(res, next, { 'set-cookie': sessionCookieHeader(sessions.start(user.email)) });
      })
      .get('/logout', logout)
      .post('/logout', logout)
      .get('/__admin/session', quickSession)
      .post('/__admin/session', quickSession)
      .post('/settings/language', async ({ req, res }) => {
        const form = await readForm(req);
        const lang = form.get('lang');
        redirect(res, safeNext(form.get('next')), isLanguage(lang) ? { 'set-cookie': languageCookieHeader(lang) } : {});
      })

      .get('/', (ctx) => {
        const viewer = signedIn(ctx);
        if (viewer) html(ctx.res, 200, homePage(viewer, languageOf(ctx.req)));
      })
      .get(credentialsPath[brand], (ctx) => {
        const viewer = signedIn(ctx);
        if (viewer) html(ctx.res, 200, developerPage(store, viewer, languageOf(ctx.req), here(ctx.url)));
      })
      .get('/admin/organization', (ctx) => {
        if (brand === 'perk') return redirect(ctx.res, credentialsPath.perk);
        const viewer = signedIn(ctx);
        if (viewer) html(ctx.res, 200, organizationPage(viewer, languageOf(ctx.req), here(ctx.url)));
      })
      .get('/api/developer/credentials', ({ req, res }) => {
        const viewer = sessions.viewer(req);
        if (!viewer) return json(res, 401, { code: 'UNAUTHENTICATED', message: 'Sign in first.' });
        if (!hasDeveloperRole(viewer)) return json(res, 403, { code: 'FORBIDDEN', message: 'The Developer role is required.' });
        json(res, 200, { credentials: listCredentials(store, viewer.organization.id) });
      })
      .post('/api/developer/credentials', async ({ req, res }) => {
        const viewer = sessions.viewer(req);
        if (!viewer) return json(res, 401, { code: 'UNAUTHENTICATED', message: 'Sign in first.' });
        if (!hasDeveloperRole(viewer)) return json(res, 403, { code: 'FORBIDDEN', message: 'The Developer role is required.' });
        if (req.headers['x-csrf-token'] !== viewer.session.csrf)
          return json(res, 403, { code: 'CSRF', message: 'Reload the page and try again.' });
        let input: { name?: unknown; type?: unknown } = {};
        try {
          input = JSON.parse((await readBody(req, 64 * 1024)).toString('utf8') || '{}') as typeof input;
        } catch {
          return json(res, 400, { code: 'INVALID_JSON', message: 'The body is not JSON.' });
        }
        const result = createCredentials(store, viewer.organization.id, input ?? {});
        if (!result.ok) return json(res, result.status, { code: result.code, message: result.message });
        const { name, clientId, clientSecret, organizationId, createdAt } = result.client;
        // The only answer that ever carries the secret; nothing may cache it.
        json(res, 201, { type: 'oauth', name, clientId, clientSecret, organizationId, createdAt }, { 'cache-control': 'no-store' });
      })
      .get('/invoice-processor/invoices', (ctx) => {
        const viewer = signedIn(ctx);
        if (viewer)
          html(ctx.res, 200, invoicesPage(store, viewer, languageOf(ctx.req), ctx.url.searchParams.get('legalEntity'), here(ctx.url)));
      })

      .get('/oauth/authorize', (ctx) => authorize(ctx, ctx.url.searchParams))
      .post('/oauth/authorize', async (ctx) => {
        const form = await readForm(ctx.req);
        await authorize(ctx, form, form.get('decision') === 'allow' ? 'allow' : 'deny');
      })
      .post('/oauth/token', async ({ req, res }) => {
        const { status, body } = authorization.redeem(await readForm(req));
        json(res, status, body, { 'cache-control': 'no-store' });
      });

    // Perk keeps Yokoy's old addresses working by sending them to Spend tools (ours: a rebrand's usual courtesy).
    if (brand === 'perk') router.get(credentialsPath.yokoy, ({ res }) => redirect(res, credentialsPath.perk));

    for (const item of emptySections(brand)) {
      router.get(item.href, (ctx) => {
        const viewer = signedIn(ctx);
        if (viewer) html(ctx.res, 200, emptySectionPage(viewer, languageOf(ctx.req), item));
      });
    }

    const name = brand === 'perk' ? 'Perk' : 'Yokoy';
    return serveRouter(router, ({ res }) =>
      html(
        res,
        404,
        `<!doctype html><html lang="en"><title>Not found · ${name}</title><h1>Page not found</h1><p><a href="/">${name}</a></p></html>`,
      ),
    );
  },
};
