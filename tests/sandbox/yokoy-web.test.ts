/**
 * The Yokoy web look-alike's HTTP contract, without a browser: sign-in and the session cookie,
 * the credentials API (secret once, unique names, roles), and "Sign in with Yokoy"
 * (redirect_uri checks, consent, code exchange). The look-alike runs alone over its own Yokoy
 * store, so these tests do not depend on the other look-alikes.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SandboxState } from '../../sandbox/state';
import { createYokoyStore, seed } from '../../sandbox/yokoy-api/store';
import { yokoyWeb } from '../../sandbox/yokoy-web';
import { labels } from '../../sandbox/yokoy-web/labels';
import { sandboxPassword } from '../../sandbox/yokoy-web/session';

const banqupOrigin = 'http://banqup.localhost:4100';
const store = createYokoyStore();
let server: Server;
let base = '';

beforeAll(async () => {
  const state = { yokoy: store, reset: () => store.reset() } as unknown as SandboxState;
  const urls = { banqup: banqupOrigin, yokoyWeb: 'http://yokoy.localhost:1', yokoyApi: 'http://api.yokoy.localhost:1' };
  server = createServer(yokoyWeb.createHandler({ state, urls, internalUrls: urls }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => store.reset());

const get = (path: string, cookie = '') => fetch(base + path, { redirect: 'manual', headers: cookie ? { cookie } : {} });
const postForm = (path: string, form: Record<string, string>, cookie = '') =>
  fetch(base + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });

async function signIn(as: 'dev' | 'clerk'): Promise<string> {
  const response = await fetch(`${base}/__admin/session?as=${as}&next=/`, { method: 'POST', redirect: 'manual' });
  return (response.headers.get('set-cookie') ?? '').split(';')[0]!;
}
async function csrfOf(cookie: string): Promise<string> {
  const page = await (await get('/admin/developer', cookie)).text();
  return /name="csrf-token" content="([^"]+)"/.exec(page)?.[1] ?? '';
}
const createCredentials = async (cookie: string, name: string, csrf?: string) =>
  fetch(`${base}/api/developer/credentials`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrf ?? (await csrfOf(cookie)) },
    body: JSON.stringify({ type: 'oauth', name }),
  });

describe('sign-in', () => {
  it('sends signed-out visitors to /login and back', async () => {
    const response = await get('/admin/developer?x=1');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/login?next=%2Fadmin%2Fdeveloper%3Fx%3D1');
  });

  it('signs in with the sandbox password and sets an HttpOnly, SameSite=Lax session cookie', async () => {
    const wrong = await postForm('/login', { email: seed.developer.email, password: 'nope', next: '/' });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain(labels.en.signInError);

    const ok = await postForm('/login', { email: seed.developer.email, password: sandboxPassword, next: '/admin/developer' });
    expect(ok.status).toBe(302);
    expect(ok.headers.get('location')).toBe('/admin/developer');
    expect(ok.headers.get('set-cookie')).toMatch(/^yokoy_session=[\w-]+; Path=\/; HttpOnly; SameSite=Lax/);
  });

  it('never follows a `next` off the site', async () => {
    const response = await postForm('/login', { email: seed.developer.email, password: sandboxPassword, next: '//evil.example/' });
    expect(response.headers.get('location')).toBe('/');
  });

  it('signs out', async () => {
    const cookie = await signIn('dev');
    expect((await get('/logout', cookie)).headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await get('/', cookie)).status).toBe(302);
  });
});

describe('developer credentials', () => {
  it('returns the secret once, lists only name and client ID, and the pair is in the store', async () => {
    const cookie = await signIn('dev');
    const created = await createCredentials(cookie, 'Banqup Integration');
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    const body = (await created.json()) as { clientId: string; clientSecret: string; organizationId: string };
    expect(body.organizationId).toBe(seed.organizationId);
    expect(store.clients.get(body.clientId)?.clientSecret).toBe(body.clientSecret);

    const list = await (await get('/api/developer/credentials', cookie)).text();
    expect(list).toContain(body.clientId);
    expect(list).not.toContain(body.clientSecret);
    const page = await (await get('/admin/developer', cookie)).text();
    expect(page).toContain(body.clientId);
    expect(page).toContain('Banqup Integration');
    expect(page).not.toContain(body.clientSecret);
  });

  it('refuses a duplicate name in the organization (case and spaces aside) and an empty one', async () => {
    const cookie = await signIn('dev');
    const csrf = await csrfOf(cookie);
    expect((await createCredentials(cookie, 'Banqup Integration', csrf)).status).toBe(201);
    const duplicate = await createCredentials(cookie, '  banqup   integration ', csrf);
    expect(duplicate.status).toBe(409);
    expect(await duplicate.json()).toMatchObject({ code: 'NAME_TAKEN' });
    expect((await createCredentials(cookie, '   ', csrf)).status).toBe(400);
    // Another organization may use the same name.
    const other = store.createOrganization('Other Org');
    store.createClient(other.id, 'Elsewhere');
    expect((await createCredentials(cookie, 'Elsewhere', csrf)).status).toBe(201);
  });

  it('requires the Developer role and the page token', async () => {
    const clerk = await signIn('clerk');
    expect((await createCredentials(clerk, 'Nope', 'x')).status).toBe(403);
    const page = await (await get('/admin/developer', clerk)).text();
    expect(page).toContain(labels.en.noAccessTitle);
    expect(page).toContain(seed.developer.email); // the admin to ask
    expect(page).not.toContain(seed.organizationId);

    const dev = await signIn('dev');
    expect((await createCredentials(dev, 'No token', 'wrong')).status).toBe(403);
  });
});

describe('sign in with Yokoy (authorization code)', () => {
  const authorize = (params: Record<string, string>) => `/oauth/authorize?${new URLSearchParams(params)}`;
  const valid = {
    response_type: 'code',
    client_id: 'banqup-accounting',
    redirect_uri: `${banqupOrigin}/apps/accounting/yokoy/callback`,
    state: 's-123',
  };

  it('asks a signed-out user to sign in first, then comes back', async () => {
    const response = await get(authorize(valid));
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location')!, base);
    expect(location.pathname).toBe('/login');
    expect(location.searchParams.get('next')).toBe(authorize(valid));
  });

  it('refuses a redirect_uri off the Banqup origin, an unknown client, without redirecting', async () => {
    const cookie = await signIn('dev');
    for (const redirect_uri of [
      'https://evil.example/cb',
      'http://banqup.localhost:9999/cb',
      'http://127.0.0.1:4100/cb',
      'not a url',
      `${banqupOrigin}/cb#frag`,
    ]) {
      const response = await get(authorize({ ...valid, redirect_uri }), cookie);
      expect(response.status, redirect_uri).toBe(400);
      expect(response.headers.get('location')).toBeNull();
    }
    expect((await get(authorize({ ...valid, client_id: 'someone-else' }), cookie)).status).toBe(400);
  });

  it('shows the consent page; Allow redirects with code and state, and the code redeems once', async () => {
    const cookie = await signIn('dev');
    const page = await (await get(authorize(valid), cookie)).text();
    expect(page).toContain('Banqup wants to connect to your Yokoy organization Acme Holding');
    const csrf = /name="csrf" value="([^"]+)"/.exec(page)![1]!;

    const allowed = await postForm('/oauth/authorize', { ...valid, csrf, decision: 'allow' }, cookie);
    expect(allowed.status).toBe(302);
    const back = new URL(allowed.headers.get('location')!);
    expect(back.origin + back.pathname).toBe(valid.redirect_uri);
    expect(back.searchParams.get('state')).toBe('s-123');
    const code = back.searchParams.get('code')!;
    expect(code).toMatch(/^[\w-]{20,}$/);

    const exchange = () =>
      postForm('/oauth/token', { grant_type: 'authorization_code', code, client_id: valid.client_id, redirect_uri: valid.redirect_uri });
    const first = await exchange();
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ organization_id: seed.organizationId, user: { email: seed.developer.email } });
    expect((await exchange()).status).toBe(400);
  });

  it('Deny redirects with error=access_denied and the state; a forged form is refused', async () => {
    const cookie = await signIn('dev');
    const page = await (await get(authorize(valid), cookie)).text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(page)![1]!;
    const denied = await postForm('/oauth/authorize', { ...valid, csrf, decision: 'deny' }, cookie);
    const back = new URL(denied.headers.get('location')!);
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('state')).toBe('s-123');
    expect(back.searchParams.has('code')).toBe(false);

    expect((await postForm('/oauth/authorize', { ...valid, csrf: 'forged', decision: 'allow' }, cookie)).status).toBe(400);
  });

  it('reports an unsupported response_type back to a valid redirect_uri', async () => {
    const response = await get(authorize({ ...valid, response_type: 'token' }));
    const back = new URL(response.headers.get('location')!);
    expect(back.searchParams.get('error')).toBe('unsupported_response_type');
    expect(back.searchParams.get('state')).toBe('s-123');
  });
});

describe('languages', () => {
  it('keeps the chosen language in a cookie and sets <html lang>', async () => {
    const cookie = await signIn('dev');
    const switched = await postForm('/settings/language', { lang: 'pt', next: '/admin/developer' }, cookie);
    const langCookie = (switched.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(langCookie).toBe('yokoy_lang=pt');
    const page = await (await get('/admin/developer', `${cookie}; ${langCookie}`)).text();
    expect(page).toContain('<html lang="pt">');
    expect(page).toContain('Programador');
    expect(page).toContain('Gerar credenciais');
    expect(page).toContain('ID da organização');
  });

  it('has the same keys in every language', () => {
    const keys = Object.keys(labels.en).sort();
    for (const language of ['pt', 'fr', 'nl', 'de'] as const) expect(Object.keys(labels[language]).sort()).toEqual(keys);
  });
});
