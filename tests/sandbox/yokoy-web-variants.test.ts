/**
 * The Yokoy web look-alike's variants over HTTP: as Perk (Developer tools > Spend tools, the
 * Access credentials tab, account admins only, Yokoy's old address redirected, the same
 * credentials API), in German (Yokoy's own German words) by a sandbox option, and Yokoy's
 * Admin > Organization with the organization ID. Each variant runs as its own look-alike.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxState } from '../../sandbox/state';
import { createYokoyStore, seed } from '../../sandbox/yokoy-api/store';
import { yokoyWeb } from '../../sandbox/yokoy-web';
import { labels, labelsFor, type YokoyWebOptions } from '../../sandbox/yokoy-web/labels';

interface Running {
  base: string;
  server: Server;
  store: ReturnType<typeof createYokoyStore>;
}

async function start(options: YokoyWebOptions): Promise<Running> {
  const store = createYokoyStore();
  const state = { yokoy: store, reset: () => store.reset() } as unknown as SandboxState;
  const urls = { banqup: 'http://banqup.localhost:4100', yokoyWeb: 'http://yokoy.localhost:1', yokoyApi: 'http://api.yokoy.localhost:1' };
  const server = createServer(yokoyWeb.createHandler({ state, urls, internalUrls: urls, yokoyWeb: options }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, store };
}

const get = (r: Running, path: string, cookie = '', headers: Record<string, string> = {}) =>
  fetch(r.base + path, { redirect: 'manual', headers: { ...headers, ...(cookie ? { cookie } : {}) } });
async function signIn(r: Running, as: 'dev' | 'clerk'): Promise<string> {
  const response = await fetch(`${r.base}/__admin/session?as=${as}&next=/`, { method: 'POST', redirect: 'manual' });
  return (response.headers.get('set-cookie') ?? '').split(';')[0]!;
}
const csrfOf = (page: string) => /name="csrf-token" content="([^"]+)"/.exec(page)?.[1] ?? '';
const developerScript = (page: string) =>
  JSON.parse(/id="developer-i18n">([^<]*)</.exec(page)![1]!.replace(/\\u003c/g, '<')) as Record<string, unknown>;

describe('as Perk', () => {
  let perk: Running;
  beforeAll(async () => {
    perk = await start({ brand: 'perk' });
  });
  afterAll(() => new Promise<void>((resolve) => perk.server.close(() => resolve())));

  it('puts the credentials under Developer tools > Spend tools, Access credentials tab, organization ID top right', async () => {
    const cookie = await signIn(perk, 'dev');
    const home = await (await get(perk, '/', cookie)).text();
    expect(home).toContain('· Perk</title>');
    expect(home).toContain('aria-label="Perk"');
    // The menu: "Developer tools" opens "Spend tools"; Admin no longer holds Developer.
    expect(home).toMatch(
      /<button[^>]*aria-controls="nav-developer-tools"[^>]*>.*<span>Developer tools<\/span><\/button>\s*<ul id="nav-developer-tools"[^>]*><li><a href="\/developer-tools\/spend-tools"><span>Spend tools<\/span>/s,
    );
    expect(home).not.toContain('href="/admin/developer"');

    const page = await (await get(perk, '/developer-tools/spend-tools', cookie)).text();
    expect(page).toContain('<h1>Spend tools</h1>');
    expect(page).toMatch(/role="tab"[^>]*aria-selected="true"[^>]*>Access credentials</);
    expect(page).toMatch(
      /<header class="page-header">.*<div class="page-tools"><div class="org-id"><dl><dt>Organization ID<\/dt><dd><code[^>]*>([\w-]+)<\/code><\/dd><\/dl>/s,
    );
    expect(page).toContain(`>${seed.organizationId}</code>`);
    // Perk's markup is not Yokoy's: no test ids, other field ids, so labels must do the finding.
    expect(page).not.toContain('data-testid="organization-id"');
    expect(developerScript(page).fieldIds).toEqual({ clientId: 'access-client-id', clientSecret: 'access-client-secret' });
  });

  it('sends Yokoy’s old addresses to Spend tools', async () => {
    const cookie = await signIn(perk, 'dev');
    for (const old of ['/admin/developer', '/admin/organization']) {
      const response = await get(perk, old, cookie);
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe('/developer-tools/spend-tools');
    }
  });

  it('generates the same credentials through the same API, once, for account admins only', async () => {
    const cookie = await signIn(perk, 'dev');
    const page = await (await get(perk, '/developer-tools/spend-tools', cookie)).text();
    const created = await fetch(`${perk.base}/api/developer/credentials`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrfOf(page) },
      body: JSON.stringify({ type: 'oauth', name: 'Banqup Integration' }),
    });
    expect(created.status).toBe(201);
    const body = (await created.json()) as { clientId: string; clientSecret: string; organizationId: string };
    expect(body.organizationId).toBe(seed.organizationId);
    expect(perk.store.clients.get(body.clientId)?.clientSecret).toBe(body.clientSecret);

    const clerk = await signIn(perk, 'clerk');
    const denied = await (await get(perk, '/developer-tools/spend-tools', clerk)).text();
    expect(denied).toContain(labelsFor('en', 'perk').perkNoAccessTitle);
    expect(denied).toContain(seed.developer.email);
    expect(denied).not.toContain(seed.organizationId);
    expect((await fetch(`${perk.base}/api/developer/credentials`, { headers: { cookie: clerk } })).status).toBe(403);
  });

  it('names Perk where Yokoy named itself, but keeps the Yokoy API’s name', () => {
    const l = labelsFor('en', 'perk');
    expect(l.signInTitle).toBe('Sign in to Perk');
    expect(l.developerIntro).toContain('Yokoy API');
    expect(labelsFor('pt', 'perk').developerIntro).toContain('API Yokoy');
    expect(labelsFor('de', 'perk').noAccessBody).toContain('Perk-Administrator');
  });
});

describe('in German, by a sandbox option', () => {
  let yokoyDe: Running;
  let perkDe: Running;
  beforeAll(async () => {
    yokoyDe = await start({ language: 'de' });
    perkDe = await start({ brand: 'perk', language: 'de' });
  });
  afterAll(() => Promise.all([yokoyDe, perkDe].map((r) => new Promise<void>((resolve) => r.server.close(() => resolve())))));

  it('speaks Yokoy’s German: Admin > Entwickler, Credentials erzeugen, OAuth Zugriffsdaten, Kennzeichnung, Weiter', async () => {
    const cookie = await signIn(yokoyDe, 'dev');
    // The option wins over the browser's language; the user's own choice (cookie) still wins over both.
    const page = await (await get(yokoyDe, '/admin/developer', cookie, { 'accept-language': 'fr' })).text();
    expect(page).toContain('<html lang="de">');
    expect(page).toContain('<h1>Entwickler</h1>');
    expect(page).toMatch(/<span aria-hidden="true">\+ <\/span>Credentials erzeugen<\/button>/);
    expect(page).toContain('Organisations-ID');
    const script = developerScript(page);
    expect(script).toMatchObject({
      oauthCredentials: 'OAuth Zugriffsdaten',
      nameLabel: 'Kennzeichnung',
      next: 'Weiter',
      clientId: 'Client-ID',
      clientSecret: 'Client-Secret',
    });
    const chosen = await (await get(yokoyDe, '/admin/developer', `${cookie}; yokoy_lang=en`)).text();
    expect(chosen).toContain('<html lang="en">');
  });

  it('shows Admin > Organization with the organization ID top right, to organization admins', async () => {
    const cookie = await signIn(yokoyDe, 'dev');
    const page = await (await get(yokoyDe, '/admin/organization', cookie)).text();
    expect(page).toContain('<h1>Organisation</h1>');
    expect(page).toMatch(/<div class="page-tools"><div class="org-id"><dl><dt>Organisations-ID<\/dt><dd><code[^>]*>/);
    expect(page).toContain(`>${seed.organizationId}</code>`);
    // In Yokoy's Admin menu, Organization comes before Developer, which stays last.
    const admin = /<ul id="nav-admin"[^>]*>(.*?)<\/ul>/s.exec(page)![1]!;
    expect([...admin.matchAll(/<span>([^<]+)<\/span>/g)].map((m) => m[1]).slice(-2)).toEqual(['Organisation', 'Entwickler']);
    const clerk = await signIn(yokoyDe, 'clerk');
    const denied = await (await get(yokoyDe, '/admin/organization', clerk)).text();
    expect(denied).toContain(labels.de.organizationNoAccess);
    expect(denied).not.toContain(seed.organizationId);
  });

  it('as Perk in German: Entwicklertools > Spend-Tools, Zugangsdaten', async () => {
    const cookie = await signIn(perkDe, 'dev');
    const page = await (await get(perkDe, '/developer-tools/spend-tools', cookie)).text();
    expect(page).toContain('<html lang="de">');
    expect(page).toContain('<span>Entwicklertools</span>');
    expect(page).toContain('<h1>Spend-Tools</h1>');
    expect(page).toMatch(/role="tab"[^>]*>Zugangsdaten</);
    expect(page).toContain('<dt>Organisations-ID</dt>');
  });
});
