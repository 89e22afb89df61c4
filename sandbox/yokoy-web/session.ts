/**
 * Who is signed in and in which language: the `yokoy_session` cookie (HttpOnly, SameSite=Lax,
 * an opaque id into this server's memory) and the `yokoy_lang` cookie. Sessions live per
 * look-alike instance, not in the shared store, because nothing else needs them; a session
 * whose user vanished (state reset) simply counts as signed out.
 */
import type { IncomingMessage } from 'node:http';
import { randomBytes } from 'node:crypto';
import { parseCookies } from '../http';
import type { YokoyOrganization, YokoyStore, YokoyUser } from '../yokoy-api/store';
import { seed } from '../yokoy-api/store';
import { isLanguage, type Brand, type Language } from './labels';

/** The one password every seeded user has in the sandbox. */
export const sandboxPassword = 'yokoy-sandbox';

/** Short names for `/__admin/session?as=…`. */
export const quickUsers: Record<string, string> = { dev: seed.developer.email, clerk: seed.nonDeveloper.email };

export const sessionCookie = 'yokoy_session';
export const languageCookie = 'yokoy_lang';

export interface Session {
  id: string;
  email: string;
  /** Per-session token for the app's own POSTs (JSON calls send it in a header). */
  csrf: string;
}

export interface Viewer {
  session: Session;
  /** The product the look-alike shows itself as (a sandbox option, the same for every viewer). */
  brand: Brand;
  user: YokoyUser;
  organization: YokoyOrganization;
}

export function createSessions(store: YokoyStore, brand: Brand = 'yokoy') {
  const sessions = new Map<string, Session>();
  return {
    start(email: string): Session {
      const session: Session = { id: randomBytes(24).toString('base64url'), email, csrf: randomBytes(16).toString('base64url') };
      sessions.set(session.id, session);
      return session;
    },
    end(req: IncomingMessage): void {
      const id = parseCookies(req)[sessionCookie];
      if (id) sessions.delete(id);
    },
    /** The signed-in user with their organization, or undefined. */
    viewer(req: IncomingMessage): Viewer | undefined {
      const session = sessions.get(parseCookies(req)[sessionCookie] ?? '');
      const user = session && store.users.get(session.email);
      const organization = user && store.organizations.get(user.organizationId);
      return session && user && organization ? { session, user, organization, brand } : undefined;
    },
    /** Checks an email/password pair against the seeded users. */
    authenticate(email: string, password: string): YokoyUser | undefined {
      const user = store.users.get(email.trim().toLowerCase());
      return user && password === sandboxPassword ? user : undefined;
    },
  };
}
export type Sessions = ReturnType<typeof createSessions>;

export function sessionCookieHeader(session: Session): string {
  return `${sessionCookie}=${session.id}; Path=/; HttpOnly; SameSite=Lax`;
}
export const clearSessionCookieHeader = `${sessionCookie}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
export function languageCookieHeader(language: Language): string {
  return `${languageCookie}=${language}; Path=/; SameSite=Lax; Max-Age=31536000`;
}

/** The cookie's language, else the sandbox's chosen one, else the browser's first supported one, else English. */
export function languageOf(req: IncomingMessage, fallback?: Language): Language {
  const chosen = parseCookies(req)[languageCookie];
  if (isLanguage(chosen)) return chosen;
  if (fallback) return fallback;
  for (const part of (req.headers['accept-language'] ?? '').split(',')) {
    const primary = part.split(';')[0]?.trim().slice(0, 2).toLowerCase();
    if (isLanguage(primary)) return primary;
  }
  return 'en';
}

/** Only same-site paths are followed after sign-in, so `next` cannot send users elsewhere. */
export function safeNext(next: string | null | undefined, fallback = '/'): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : fallback;
}
