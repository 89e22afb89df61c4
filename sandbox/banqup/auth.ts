/**
 * Sign-in for the Banqup look-alike: the `banqup_session` cookie (HttpOnly, SameSite=Lax,
 * Path=/), the /login form, /logout, and the guards the app pages (redirect to
 * /login?next=…) and the JSON API (401 `{error:'unauthenticated'}`) use.
 */
import type { IncomingMessage } from 'node:http';
import type { Ctx } from '../http';
import { html, json, parseCookies, readBody, redirect, type Router } from '../http';
import { isLanguage, labels, type Language } from './labels';
import { loginPage } from './pages';
import type { BanqupStore, BanqupUser } from './store';

export const sessionCookie = 'banqup_session';
/** The language of signed-out pages (login), remembered from the last choice on this browser. */
export const languageCookie = 'banqup_lang';

export function sessionCookieHeader(token: string): string {
  return `${sessionCookie}=${token}; Path=/; HttpOnly; SameSite=Lax`;
}

export function currentUser(store: BanqupStore, req: IncomingMessage): BanqupUser | undefined {
  return store.userForSession(parseCookies(req)[sessionCookie]);
}

/** Only same-site relative paths: `next` must not become an open redirect. */
export function safeNext(value: string | null | undefined): string {
  return value?.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';
}

export function signedOutLanguage(req: IncomingMessage): Language {
  const fromCookie = parseCookies(req)[languageCookie];
  return isLanguage(fromCookie) ? fromCookie : 'pt';
}

/** Wraps an app-page handler: signed out → 302 /login?next=<this page>. */
export function pageGuard(store: BanqupStore, handler: (ctx: Ctx, user: BanqupUser) => void | Promise<void>) {
  return (ctx: Ctx) => {
    const user = currentUser(store, ctx.req);
    if (!user) return redirect(ctx.res, `/login?next=${encodeURIComponent(ctx.url.pathname + ctx.url.search)}`);
    return handler(ctx, user);
  };
}

/** Wraps an API handler: signed out → 401 JSON. */
export function apiGuard(store: BanqupStore, handler: (ctx: Ctx, user: BanqupUser) => void | Promise<void>) {
  return (ctx: Ctx) => {
    const user = currentUser(store, ctx.req);
    if (!user) return json(ctx.res, 401, { error: 'unauthenticated' });
    return handler(ctx, user);
  };
}

export function addAuthRoutes(router: Router, store: BanqupStore): void {
  router.get('/login', ({ req, res, url }) => {
    if (currentUser(store, req)) return redirect(res, safeNext(url.searchParams.get('next')));
    const chosen = url.searchParams.get('lang');
    const lang = isLanguage(chosen) ? chosen : signedOutLanguage(req);
    const headers: Record<string, string> = isLanguage(chosen) ? { 'set-cookie': `${languageCookie}=${chosen}; Path=/; SameSite=Lax` } : {};
    html(res, 200, loginPage(lang, { next: safeNext(url.searchParams.get('next')) }), headers);
  });

  router.post('/login', async ({ req, res }) => {
    const form = new URLSearchParams((await readBody(req, 64 * 1024)).toString('utf8'));
    const email = form.get('email') ?? '';
    const next = safeNext(form.get('next'));
    const user = store.findUserByEmail(email);
    if (!user || user.password !== (form.get('password') ?? '')) {
      const lang = signedOutLanguage(req);
      return html(res, 401, loginPage(lang, { next, email, error: labels[lang].loginFailed }));
    }
    redirect(res, next, { 'set-cookie': sessionCookieHeader(store.createSession(user.userId)) });
  });

  const logout = ({ req, res }: Ctx) => {
    const token = parseCookies(req)[sessionCookie];
    if (token) store.sessions.delete(token);
    redirect(res, '/login', { 'set-cookie': `${sessionCookie}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0` });
  };
  router.get('/logout', logout);
  router.post('/logout', logout);
}
