/**
 * The Banqup look-alike's contract over real HTTP: sign-in and the session guard, the JSON
 * API (spaces, documents with paging and filters, UBL and PDF bytes, bank statements), the
 * accounting-app wizard's server-side states against the Yokoy API emulator (a failed and a
 * successful "Ligar"), and the SANDBOX_INVOICES import.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { banqupSeedSpace, banqupSeedUser } from '../../sandbox/banqup/store';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { seed } from '../../sandbox/yokoy-api/store';

let sandbox: Sandbox;
let base: string;
let cookie: string;

/** Signs in through the real login form and returns the session cookie pair. */
async function login(email: string = banqupSeedUser.email, password: string = banqupSeedUser.password): Promise<Response> {
  return fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password, next: '/purchases' }).toString(),
  });
}

function call(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
  const headers: Record<string, string> = { cookie, ...((init.headers as Record<string, string>) ?? {}) };
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${base}${path}`, {
    ...init,
    headers,
    redirect: 'manual',
    body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
  });
}
const getJson = async (path: string) => (await call(path)).json();
const docs = (query = '') => `/api/v1/spaces/${banqupSeedSpace.spaceId}/documents${query}`;

beforeAll(async () => {
  sandbox = await startSandbox();
  base = sandbox.internalUrls.banqup;
});
afterAll(() => sandbox.close());

beforeEach(async () => {
  sandbox.state.reset();
  const res = await login();
  cookie = res.headers.get('set-cookie')!.split(';')[0]!;
});

describe('sign-in and the session guard', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and redirects to next', async () => {
    const res = await login();
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/purchases');
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^banqup_session=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);
  });

  it('refuses a wrong password with the login page again', async () => {
    const res = await login(banqupSeedUser.email, 'nope');
    expect(res.status).toBe(401);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(await res.text()).toContain('E-mail ou palavra-passe incorretos.');
  });

  it('answers 401 JSON on the API and redirects app pages to /login?next= without a session', async () => {
    for (const path of ['/api/v1/me', '/api/v1/spaces', docs(), '/api/v1/accounting/setup']) {
      const res = await fetch(`${base}${path}`);
      expect(res.status, path).toBe(401);
      expect(await res.json()).toEqual({ error: 'unauthenticated' });
    }
    const page = await fetch(`${base}/purchases?status=PAID`, { redirect: 'manual' });
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe(`/login?next=${encodeURIComponent('/purchases?status=PAID')}`);
  });

  it('serves the app shell in the user language, and /logout ends the session', async () => {
    const shell = await call('/apps/accounting/yokoy');
    expect(shell.status).toBe(200);
    expect(await shell.text()).toMatch(/<html lang="pt">/);
    expect((await call('/api/v1/me', { method: 'PATCH', json: { language: 'fr' } })).status).toBe(200);
    expect(await (await call('/')).text()).toMatch(/<html lang="fr">/);
    expect((await call('/api/v1/me', { method: 'PATCH', json: { language: 'xx' } })).status).toBe(400);
    await call('/logout');
    expect((await call('/api/v1/me')).status).toBe(401);
  });

  it('signs the seeded user in through /__admin/session', async () => {
    const res = await fetch(`${base}/__admin/session?next=/apps`, { method: 'POST', redirect: 'manual' });
    expect(res.headers.get('location')).toBe('/apps');
    const c = res.headers.get('set-cookie')!.split(';')[0]!;
    const me = await (await fetch(`${base}/api/v1/me`, { headers: { cookie: c } })).json();
    expect(me).toMatchObject({ email: banqupSeedUser.email, spaceId: banqupSeedSpace.spaceId, language: 'pt' });
  });
});

describe('documents API', () => {
  it('lists the space and its purchase documents with paging', async () => {
    expect(await getJson('/api/v1/spaces')).toEqual({
      spaces: [expect.objectContaining({ spaceId: banqupSeedSpace.spaceId, name: banqupSeedSpace.name })],
    });
    const page1 = await getJson(docs('?folder=PURCHASES&page=1&pageSize=20'));
    expect(page1.total).toBeGreaterThanOrEqual(40);
    expect(page1).toMatchObject({ page: 1, pageSize: 20 });
    expect(page1.documents).toHaveLength(20);
    const d = page1.documents[0];
    expect(Object.keys(d)).toEqual(
      expect.arrayContaining([
        'documentId',
        'folder',
        'documentType',
        'status',
        'documentNumber',
        'supplierName',
        'supplierCountry',
        'issueDate',
        'dueDate',
        'currency',
        'totalAmount',
        'vatAmount',
        'receivedAt',
        'hasUbl',
        'hasPdf',
      ]),
    );
    expect(d.folder).toBe('PURCHASES');
    expect(['INVOICE', 'CREDIT_NOTE']).toContain(d.documentType);
    const page2 = await getJson(docs('?folder=PURCHASES&page=2&pageSize=20'));
    const ids = new Set([...page1.documents, ...page2.documents].map((x: { documentId: string }) => x.documentId));
    expect(ids.size).toBe(40);
    const last = await getJson(docs(`?page=${Math.ceil(page1.total / 20)}&pageSize=20`));
    expect(last.documents.length).toBe(page1.total % 20 || 20);
    // Newest received first.
    const received = page1.documents.map((x: { receivedAt: string }) => x.receivedAt);
    expect([...received].sort().reverse()).toEqual(received);
    expect((await call(docs('?pageSize=101'))).status).toBe(400);
    expect((await call(docs('?page=0'))).status).toBe(400);
    expect((await call(docs('?from=yesterday'))).status).toBe(400);
  });

  it('filters by status, supplier and issue-date range', async () => {
    const all = (await getJson(docs('?pageSize=100'))).documents as {
      status: string;
      supplierName: string;
      issueDate: string;
      documentType: string;
    }[];
    const paid = await getJson(docs('?status=FULLY_APPROVED&pageSize=100'));
    expect(paid.total).toBe(all.filter((d) => d.status === 'FULLY_APPROVED').length);
    expect(paid.total).toBeGreaterThan(0);
    const supplier = all[0]!.supplierName;
    const bySupplier = await getJson(docs(`?supplier=${encodeURIComponent(supplier.slice(0, 6).toLowerCase())}&pageSize=100`));
    expect(bySupplier.total).toBeGreaterThan(0);
    expect(
      bySupplier.documents.every((d: { supplierName: string }) =>
        d.supplierName.toLowerCase().includes(supplier.slice(0, 6).toLowerCase()),
      ),
    ).toBe(true);
    const ranged = await getJson(docs('?from=2026-07-01&to=2026-07-31&pageSize=100'));
    expect(ranged.total).toBe(all.filter((d) => d.issueDate >= '2026-07-01' && d.issueDate <= '2026-07-31').length);
    expect(ranged.documents.every((d: { issueDate: string }) => d.issueDate.startsWith('2026-07'))).toBe(true);
    expect(all.some((d) => d.documentType === 'CREDIT_NOTE')).toBe(true);
    expect((await getJson(docs('?folder=SALES&pageSize=100'))).documents.every((d: { folder: string }) => d.folder === 'SALES')).toBe(true);
  });

  it('serves a document, its UBL (application/xml) and its PDF (application/pdf, %PDF-)', async () => {
    const { documents } = await getJson(docs('?pageSize=100'));
    const withUbl = documents.find((d: { hasUbl: boolean }) => d.hasUbl);
    const detail = await getJson(docs(`/${withUbl.documentId}`));
    expect(detail).toMatchObject({ documentId: withUbl.documentId, documentNumber: withUbl.documentNumber });
    expect(detail.lines.length).toBeGreaterThan(0);

    const ubl = await call(docs(`/${withUbl.documentId}/ubl`));
    expect(ubl.status).toBe(200);
    expect(ubl.headers.get('content-type')).toMatch(/^application\/xml/);
    const xml = await ubl.text();
    expect(xml).toMatch(/<(\w+:)?(Invoice|CreditNote)\b/);
    expect(xml).toContain(withUbl.documentNumber);

    const pdf = await call(docs(`/${withUbl.documentId}/pdf`));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');

    const pdfOnly = documents.find((d: { hasUbl: boolean }) => !d.hasUbl);
    if (pdfOnly) {
      const res = await call(docs(`/${pdfOnly.documentId}/ubl`));
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect((await call(docs(`/${pdfOnly.documentId}/pdf`))).status).toBe(200);
    }
    expect((await call(docs('/00000000-0000-4000-8000-000000000000'))).status).toBe(404);
    expect((await call('/api/v1/spaces/someone-else/documents')).status).toBe(404);
  });

  it('lists bank statements and serves their content', async () => {
    const { bankStatements } = await getJson(`/api/v1/spaces/${banqupSeedSpace.spaceId}/bank-statements`);
    expect(bankStatements.length).toBeGreaterThan(0);
    const formats = new Set(bankStatements.map((s: { format: string }) => s.format));
    expect(formats).toEqual(new Set(['CODA', 'CAMT.053']));
    for (const s of bankStatements.slice(0, 2)) {
      const res = await call(`/api/v1/spaces/${banqupSeedSpace.spaceId}/bank-statements/${s.documentId}/content`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(s.format === 'CODA' ? /^text\/plain/ : /^application\/xml/);
      expect((await res.arrayBuffer()).byteLength).toBe(s.size);
    }
  });
});

describe('accounting-app setup (server-side wizard)', () => {
  const post = async (action: string, json?: unknown) => call(`/api/v1/accounting/setup/${action}`, { method: 'POST', json });
  const patch = async (json: unknown) => call('/api/v1/accounting/setup', { method: 'PATCH', json });
  const step = async () => (await getJson('/api/v1/accounting/setup')).step;

  /**
   * A9 without a browser: the Yokoy web look-alike's consent answered over HTTP (quick
   * sign-in as the developer, the consent form's hidden fields, "allow"), then Banqup's
   * callback with the code and state, which Banqup redeems at Yokoy web.
   */
  async function yokoyConsent(authorizeUrl: string, decision: 'allow' | 'deny'): Promise<string> {
    const web = sandbox.internalUrls.yokoyWeb;
    const session = await fetch(`${web}/__admin/session?as=dev&next=/`, { redirect: 'manual' });
    const webCookie = session.headers.get('set-cookie')!.split(';')[0]!;
    const url = new URL(authorizeUrl);
    const page = await (await fetch(`${web}${url.pathname}${url.search}`, { headers: { cookie: webCookie } })).text();
    const form = new URLSearchParams({ decision });
    for (const m of page.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g))
      form.set(
        m[1]!,
        m[2]!.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))),
      );
    const answer = await fetch(`${web}/oauth/authorize`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: webCookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    const location = answer.headers.get('location')!;
    expect(location.startsWith(`${sandbox.urls.banqup}/accounting/yokoy/callback?`)).toBe(true);
    const back = new URL(location);
    return `${back.pathname}${back.search}`;
  }

  async function signInWithYokoy(): Promise<void> {
    const { authorizeUrl } = await (await post('yokoy-sign-in')).json();
    const url = new URL(authorizeUrl);
    expect(url.origin).toBe(sandbox.urls.yokoyWeb);
    expect(url.pathname).toBe('/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: 'banqup-accounting',
      redirect_uri: `${sandbox.urls.banqup}/accounting/yokoy/callback`,
    });
    // A callback with a state we did not send is refused (and recorded).
    const wrong = await call(`/accounting/yokoy/callback?code=x&state=wrong`);
    expect(wrong.headers.get('location')).toBe('/apps/accounting/yokoy');
    expect((await getJson('/api/v1/accounting/setup')).yokoySignIn).toMatchObject({ signedIn: false, error: 'failed' });

    const fresh = (await (await post('yokoy-sign-in')).json()).authorizeUrl as string;
    const callback = await call(await yokoyConsent(fresh, 'allow'));
    expect(callback.headers.get('location')).toBe('/apps/accounting/yokoy');
    const signIn = (await getJson('/api/v1/accounting/setup')).yokoySignIn;
    expect(signIn).toMatchObject({
      signedIn: true,
      error: null,
      account: { email: seed.developer.email, organizationId: seed.organizationId },
    });
  }

  async function toCredentials(): Promise<void> {
    expect(await step()).toBe('inactive');
    expect((await post('activate')).status).toBe(200);
    expect(await step()).toBe('connection');
    const refused = await post('next');
    expect(refused.status).toBe(422);
    expect(await refused.json()).toEqual({ error: 'online_connection_required', fields: { onlineConnection: 'required' } });
    expect((await patch({ onlineConnection: true })).status).toBe(200);
    expect((await post('next')).status).toBe(200);
    expect(await step()).toBe('exportType');
    expect((await patch({ onlineConnection: false })).status).toBe(409); // not this screen's field
    expect((await patch({ exportType: 'sideways' })).status).toBe(400);
    expect((await post('next', { exportType: 'invoices' })).status).toBe(200);
    expect(await step()).toBe('package');
    const unavailable = await post('next', { packageId: 'exact-online' });
    expect(unavailable.status).toBe(422);
    expect((await unavailable.json()).error).toBe('package_unavailable');
    expect((await post('next', { packageId: 'yokoy' })).status).toBe(200);
    expect(await step()).toBe('credentials');
  }

  it('walks inactive → … → active, and fails "Ligar" tersely with a wrong secret', async () => {
    await toCredentials();
    // Connect needs the three fields, the Yokoy sign-in and the terms.
    const empty = await post('connect');
    expect(empty.status).toBe(400);
    expect(await empty.json()).toEqual({
      error: 'fields_required',
      fields: { clientId: 'required', clientSecret: 'required', organizationId: 'required' },
    });
    const credentials = { clientId: seed.readyClient.clientId, clientSecret: 'wrong-secret', organizationId: seed.organizationId };
    expect(((await (await post('connect', { credentials })).json()) as { error: string }).error).toBe('not_signed_in');
    await signInWithYokoy();
    expect(((await (await post('connect')).json()) as { error: string }).error).toBe('terms_required');
    expect((await patch({ termsAccepted: true })).status).toBe(200);

    const failed = await post('connect');
    expect(failed.status).toBe(422);
    expect(await failed.json()).toEqual({ error: 'connection_failed' });
    expect(await step()).toBe('credentials');
    const raw = await (await fetch(`${base}/__admin/setup`)).json();
    expect(raw.lastConnectFailure).toBe('token: HTTP 401');

    // A wrong organization with the right secret fails the same way (legal-entities call).
    const otherOrg = await post('connect', { credentials: { clientSecret: seed.readyClient.clientSecret, organizationId: 'not-our-org' } });
    expect(await otherOrg.json()).toEqual({ error: 'connection_failed' });

    const ok = await post('connect', { credentials: { organizationId: seed.organizationId } });
    expect(ok.status).toBe(200);
    const connected = await ok.json();
    expect(connected.step).toBe('legalEntity');
    expect(connected.legalEntities.map((e: { name: string }) => e.name)).toEqual([
      'Acme Belgium NV',
      'Acme Portugal Lda',
      'Acme Schweiz AG',
    ]);

    const unconfirmed = await post('finish', { legalEntityId: 'le-PT-acme-0002' });
    expect(unconfirmed.status).toBe(422);
    expect(await unconfirmed.json()).toEqual({ error: 'fields_required', fields: { confirmed: 'required' } });
    expect((await patch({ legalEntityId: 'not-listed' })).status).toBe(400);
    const done = await (await post('finish', { confirmed: true })).json();
    expect(done).toMatchObject({
      step: 'active',
      active: true,
      packageName: 'Yokoy',
      legalEntityName: 'Acme Portugal Lda',
      exportType: 'invoices',
    });

    // The state is the user's, server-side: a new session sees it, and the admin view too.
    const again = (await login()).headers.get('set-cookie')!.split(';')[0]!;
    expect((await (await fetch(`${base}/api/v1/accounting/setup`, { headers: { cookie: again } })).json()).step).toBe('active');
    expect((await (await fetch(`${base}/__admin/setup`)).json()).step).toBe('active');

    await post('deactivate');
    expect(await step()).toBe('inactive');
  });

  it('goes back one screen, and a cancelled Yokoy consent is reported', async () => {
    await toCredentials();
    expect((await (await post('back')).json()).step).toBe('package');
    expect((await post('next')).status).toBe(200);
    const { authorizeUrl } = await (await post('yokoy-sign-in', { credentials: { clientId: 'typed-before-leaving' } })).json();
    const back = await call(await yokoyConsent(authorizeUrl, 'deny'));
    expect(back.status).toBe(302);
    const setup = await getJson('/api/v1/accounting/setup');
    expect(setup.yokoySignIn).toMatchObject({ signedIn: false, error: 'cancelled' });
    expect(setup.credentials.clientId).toBe('typed-before-leaving');
  });

  it('resets through /__admin/reset', async () => {
    await post('activate');
    expect((await fetch(`${base}/__admin/reset`, { method: 'POST' })).status).toBe(204);
    expect((await call('/api/v1/me')).status).toBe(401); // sessions go too
    expect((await (await fetch(`${base}/__admin/setup`)).json()).step).toBe('inactive');
  });
});

describe('SANDBOX_INVOICES import', () => {
  it('imports the valid UBL files, reports the broken one by name, and still starts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'banqup-import-'));
    const fixtures = resolve(import.meta.dirname, '../fixtures/ubl');
    copyFileSync(join(fixtures, 'invoice-be-imprimerie.xml'), join(dir, 'invoice-be-imprimerie.xml'));
    copyFileSync(join(fixtures, 'creditnote-nl-reverse-charge.xml'), join(dir, 'creditnote-nl-reverse-charge.xml'));
    writeFileSync(join(dir, 'scan-0042.xml'), '<Invoice><cbc:ID>oops');
    const withImport = await startSandbox({ banqup: { invoicesDir: dir } });
    try {
      const report = withImport.state.banqup.importReport!;
      expect(report.imported.map((d) => d.fileName).sort()).toEqual(['creditnote-nl-reverse-charge.xml', 'invoice-be-imprimerie.xml']);
      expect(report.rejected).toHaveLength(1);
      expect(report.rejected[0]!.file).toBe('scan-0042.xml');
      expect(report.rejected[0]!.reason).toBeTruthy();

      const b = withImport.internalUrls.banqup;
      const c = (await fetch(`${b}/__admin/session`, { method: 'POST', redirect: 'manual' })).headers.get('set-cookie')!.split(';')[0]!;
      const list = await (await fetch(`${b}${docs('?pageSize=100')}`, { headers: { cookie: c } })).json();
      const ids = new Set(list.documents.map((d: { documentId: string }) => d.documentId));
      for (const d of report.imported) expect(ids.has(d.documentId)).toBe(true);
      // Joined to the seed, not replacing it.
      expect(list.total).toBe(sandbox.state.banqup.documents.filter((d) => d.folder === 'PURCHASES').length + 2);
      expect(await (await fetch(`${b}/__admin/import-report`)).json()).toEqual(report);
      // A reset keeps the imported documents.
      withImport.state.reset();
      expect(withImport.state.banqup.documents.some((d) => d.documentId === report.imported[0]!.documentId)).toBe(true);
    } finally {
      await withImport.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a missing folder instead of failing to start', async () => {
    const missing = await startSandbox({ banqup: { invoicesDir: join(tmpdir(), 'banqup-no-such-folder-9f3') } });
    try {
      expect(missing.state.banqup.importReport!.imported).toEqual([]);
      expect(missing.state.banqup.importReport!.rejected[0]!.reason).toMatch(/not found/);
    } finally {
      await missing.close();
    }
  });
});
