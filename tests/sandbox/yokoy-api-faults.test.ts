/**
 * Contract tests for the Yokoy API emulator's test controls: fault injection (latency, 5xx,
 * 429 bursts, early token death, dropped connections, malformed JSON), the redacted request
 * log with its `carriesClientSecret` flag, reset, and seeding invoices through `/__admin`.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { blankPdf } from '../../sandbox/yokoy-api/admin';
import type { LogEntry } from '../../sandbox/yokoy-api/log';
import { seed } from '../../sandbox/yokoy-api/store';
import { whenTimeHasPassed } from './clock';

let sandbox: Sandbox;
const ORG = seed.organizationId;
const LE = 'le-BE-acme-0001';
const base = () => sandbox.internalUrls.yokoyApi;
type Json = Record<string, unknown>;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(async () => {
  await fetch(`${base()}/__admin/reset`, { method: 'POST' });
});

const basicHeader = `Basic ${Buffer.from(`${seed.readyClient.clientId}:${seed.readyClient.clientSecret}`).toString('base64')}`;

const tokenRequest = () =>
  fetch(`${base()}/oauth2/token`, {
    method: 'POST',
    headers: { authorization: basicHeader, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });

async function getToken(): Promise<string> {
  const res = await tokenRequest();
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

const api = (token: string, path: string, init: RequestInit = {}) =>
  fetch(`${base()}/v1/organizations/${ORG}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'x-yk-auth-method': 'yokoy', ...(init.headers as Record<string, string> | undefined) },
  });

async function setFaults(config: Json): Promise<Response> {
  return fetch(`${base()}/__admin/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(config),
  });
}

const log = async () => ((await (await fetch(`${base()}/__admin/log`)).json()) as { entries: LogEntry[] }).entries;
const adminInvoices = async () => ((await (await fetch(`${base()}/__admin/invoices`)).json()) as { invoices: Json[] }).invoices;

const jsonInvoice = (invoiceNumber: string) =>
  JSON.stringify({ invoiceNumber, country: 'BE', documentData: blankPdf.toString('base64'), lineItems: [{ gross: 121, net: 100 }] });

describe('faults', () => {
  it('round-trips the configuration and rejects nonsense', async () => {
    const config = { latencyMs: 5, errorRate: 0.25, burst429: { count: 1 }, seed: 7 };
    expect((await setFaults(config)).status).toBe(200);
    expect(await (await fetch(`${base()}/__admin/faults`)).json()).toEqual(config);
    const bad = await setFaults({ errorRate: 2, nonsense: true });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { details: string[] }).details).toHaveLength(2);
    expect(await (await fetch(`${base()}/__admin/faults`)).json()).toEqual(config);
  });

  it('delays answers by latencyMs', async () => {
    const token = await getToken();
    await setFaults({ latencyMs: 300 });
    const started = Date.now();
    expect((await api(token, '/legal-entities')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    // Admin calls are never delayed (no lower bound to assert; just that they answer).
    expect((await fetch(`${base()}/__admin/log`)).status).toBe(200);
  });

  it('answers a share of requests with 500/502/503 in the description’s shape, reproducibly for a seed', async () => {
    const token = await getToken();
    const run = async () => {
      await setFaults({ errorRate: 0.5, seed: 42 });
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) {
        const res = await api(token, '/legal-entities');
        statuses.push(res.status);
        if (res.status >= 500) expect(await res.json()).toEqual({ code: res.status, message: expect.any(String) });
        else await res.arrayBuffer();
      }
      return statuses;
    };
    const first = await run();
    expect(first.filter((s) => s >= 500).length).toBeGreaterThan(3);
    expect(first.filter((s) => s === 200).length).toBeGreaterThan(3);
    expect(first.every((s) => [200, 500, 502, 503].includes(s))).toBe(true);
    expect(await run()).toEqual(first);
  });

  it('uses the configured error statuses, also on the token endpoint', async () => {
    await setFaults({ errorRate: 1, errorStatuses: [502] });
    const res = await tokenRequest();
    expect(res.status).toBe(502);
    expect(await res.json()).toEqual({ code: 502, message: 'Gateway error' });
  });

  it('answers the next N requests 429 without Retry-After (Yokoy documents none)', async () => {
    const token = await getToken();
    await setFaults({ burst429: { count: 2 } });
    for (let i = 0; i < 2; i++) {
      const res = await api(token, '/legal-entities');
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBeNull();
      expect(await res.json()).toEqual({ code: 429, message: 'Too many requests' });
    }
    expect((await api(token, '/legal-entities')).status).toBe(200);
  });

  it('adds Retry-After to a 429 burst when asked', async () => {
    const token = await getToken();
    await setFaults({ burst429: { count: 1, retryAfterSeconds: 7 } });
    const res = await api(token, '/legal-entities');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect((await api(token, '/legal-entities')).status).toBe(200);
  });

  it('kills tokens early, whatever expires_in said', async () => {
    await setFaults({ expireTokensAfterSeconds: 1 });
    const res = await tokenRequest();
    expect(((await res.clone().json()) as Json).expires_in).toBe(3600);
    const token = ((await res.json()) as { access_token: string }).access_token;
    expect((await api(token, '/legal-entities')).status).toBe(200);
    const late = await whenTimeHasPassed(1100, () => api(token, '/legal-entities'));
    expect(late.status).toBe(401);
    expect(await late.json()).toEqual({ code: 401, message: 'Token expired' });
    // A fresh token works again.
    expect((await api(await getToken(), '/legal-entities')).status).toBe(200);
  });

  it('drops the connection after creating the invoice, so the client cannot know the outcome', async () => {
    const token = await getToken();
    await setFaults({ dropRate: 1 });
    // The status line may arrive; the answer never completes.
    await expect(
      api(token, `/legal-entities/${LE}/invoices`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: jsonInvoice('DROP-1'),
      }).then((r) => r.text()),
    ).rejects.toThrow();
    await setFaults({});
    expect(await adminInvoices()).toEqual([expect.objectContaining({ invoiceNumber: 'DROP-1', legalEntityId: LE })]);
    const entry = (await log()).find((e) => e.method === 'POST' && e.path.endsWith('/invoices'));
    expect(entry).toMatchObject({ status: null, faults: ['drop'] });
  });

  it('can also close the connection before any byte of the answer', async () => {
    const token = await getToken();
    await setFaults({ dropBeforeResponseRate: 1 });
    await expect(
      api(token, `/legal-entities/${LE}/invoices`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: jsonInvoice('DROP-2'),
      }),
    ).rejects.toThrow();
    await setFaults({});
    expect((await adminInvoices()).map((i) => i.invoiceNumber)).toContain('DROP-2');
    expect((await log()).find((e) => e.method === 'POST' && e.path.endsWith('/invoices'))).toMatchObject({
      status: null,
      faults: ['dropBeforeAnswer'],
    });
  });

  it('garbles JSON answers (status and headers intact) when malformedJsonRate hits', async () => {
    const token = await getToken();
    await setFaults({ malformedJsonRate: 1 });
    const res = await api(token, `/legal-entities/${LE}/invoices`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: jsonInvoice('MAL-1'),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await res.text();
    expect(() => JSON.parse(text)).toThrow();
    await setFaults({});
    expect((await adminInvoices()).map((i) => i.invoiceNumber)).toEqual(['MAL-1']);
  });

  it('never applies faults to /__admin', async () => {
    await setFaults({ errorRate: 1, dropRate: 1, malformedJsonRate: 1, burst429: { count: 5 } });
    expect(Array.isArray(await log())).toBe(true);
    expect(await adminInvoices()).toEqual([]);
  });

  it('is switched off by reset, which also clears the log and the invoices', async () => {
    await setFaults({ errorRate: 1 });
    await fetch(`${base()}/__admin/invoices`, { method: 'POST', body: JSON.stringify({ invoiceNumber: 'X' }) });
    await tokenRequest();
    expect(await fetch(`${base()}/__admin/reset`, { method: 'POST' }).then((r) => r.json())).toEqual({ ok: true });
    expect(await (await fetch(`${base()}/__admin/faults`)).json()).toEqual({});
    expect(await log()).toEqual([]);
    expect(await adminInvoices()).toEqual([]);
    expect((await tokenRequest()).status).toBe(200);
  });
});

describe('request log', () => {
  it('records requests with secrets and tokens redacted', async () => {
    const token = await getToken();
    await api(token, '/legal-entities', { headers: { 'x-yk-correlation-id': 'corr-1' } });
    // A wrong secret in a form body must not leak either.
    await fetch(`${base()}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=x&client_secret=wrong-but-private',
    });
    const text = await (await fetch(`${base()}/__admin/log`)).text();
    expect(text).not.toContain(seed.readyClient.clientSecret);
    expect(text).not.toContain(token);
    expect(text).not.toContain(basicHeader.slice(6));
    expect(text).not.toContain('wrong-but-private');
    const entries = (JSON.parse(text) as { entries: LogEntry[] }).entries;
    expect(entries).toHaveLength(3);
    expect(entries[0]).toMatchObject({
      method: 'POST',
      path: '/oauth2/token',
      status: 200,
      headers: { authorization: 'Basic <redacted>' },
      body: 'grant_type=client_credentials',
    });
    expect(entries[1]).toMatchObject({
      method: 'GET',
      path: `/v1/organizations/${ORG}/legal-entities`,
      status: 200,
      headers: { authorization: 'Bearer <redacted>', 'x-yk-auth-method': 'yokoy' },
      correlationId: 'corr-1',
      faults: [],
    });
    expect(entries[1]?.durationMs).toBeGreaterThanOrEqual(0);
    expect(entries[2]).toMatchObject({ status: 401 });
    expect(entries[2]?.body).toContain('client_secret=<redacted>');
  });

  it('flags only token requests as carrying the client secret', async () => {
    const token = await getToken();
    await api(token, '/legal-entities');
    await api(token, `/legal-entities/${LE}/invoices`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: jsonInvoice('LOG-1'),
    });
    // A client that (wrongly) sends the secret to the API is caught, in any encoding.
    await api(token, `/legal-entities?x=${encodeURIComponent(seed.readyClient.clientSecret)}`);
    await api(token, '/legal-entities', { headers: { 'x-debug': Buffer.from(seed.readyClient.clientSecret).toString('base64') } });
    // Inside an upload's parts (searched as bytes), plain and base64; a clean upload is not flagged.
    const upload = (xml: string) => {
      const form = new FormData();
      form.append('invoiceData', new Blob([xml], { type: 'application/xml' }), 'invoice.xml');
      form.append('pdf', new Blob([Buffer.from('%PDF-1.4\n%%EOF')], { type: 'application/pdf' }), 'invoice.pdf');
      return api(token, `/legal-entities/${LE}/invoices/einvoice`, { method: 'POST', body: form });
    };
    await upload('<Invoice/>');
    await upload(`<Invoice><Note>${seed.readyClient.clientSecret}</Note></Invoice>`);
    await upload(`<Invoice><Note>${Buffer.from(seed.readyClient.clientSecret).toString('base64')}</Note></Invoice>`);
    const flags = (await log()).map((e) => [e.path.split('?')[0]?.split('/').pop(), e.carriesClientSecret]);
    expect(flags).toEqual([
      ['token', true],
      ['legal-entities', false],
      ['invoices', false],
      ['legal-entities', true],
      ['legal-entities', true],
      ['einvoice', false],
      ['einvoice', true],
      ['einvoice', true],
    ]);
    const text = JSON.stringify(await log());
    expect(text).not.toContain(seed.readyClient.clientSecret);
  });

  it('is cleared by DELETE and never records /__admin calls', async () => {
    await tokenRequest();
    await fetch(`${base()}/__admin/faults`);
    expect(await log()).toHaveLength(1);
    expect((await fetch(`${base()}/__admin/log`, { method: 'DELETE' })).status).toBe(204);
    expect(await log()).toEqual([]);
  });
});

describe('admin invoices', () => {
  it('seeds an invoice that the API then lists, as if it were already in Yokoy', async () => {
    const res = await fetch(`${base()}/__admin/invoices`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        invoiceNumber: 'OLD-7',
        supplierName: 'Legacy Supplies NV',
        grossAmount: 242,
        netAmount: 200,
        customInformation: { banqupId: 'bq-7' },
      }),
    });
    expect(res.status).toBe(201);
    const seeded = (await res.json()) as Json;
    expect(seeded).toMatchObject({
      organizationId: ORG,
      legalEntityId: LE,
      invoiceNumber: 'OLD-7',
      supplierName: 'Legacy Supplies NV',
      grossAmount: 242,
      netAmount: 200,
      taxAmount: 42,
      customInformation: { banqupId: 'bq-7' },
      pdfBytes: blankPdf.length,
      source: 'admin',
      order: 1,
    });
    const token = await getToken();
    const list = (await (
      await api(token, `/legal-entities/${LE}/invoices?filter=${encodeURIComponent('customInformation.banqupId eq "bq-7"')}`)
    ).json()) as { invoices: Json[] };
    expect(list.invoices.map((i) => i.id)).toEqual([seeded.id]);
  });

  it('rejects an unknown legal entity', async () => {
    const res = await fetch(`${base()}/__admin/invoices`, {
      method: 'POST',
      body: JSON.stringify({ invoiceNumber: 'X', legalEntityId: 'nope' }),
    });
    expect(res.status).toBe(400);
  });
});
