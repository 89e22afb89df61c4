/**
 * Contract tests for the Yokoy API emulator: token endpoint, authentication, legal entities,
 * invoice creation (e-invoice, AI upload, JSON), reading, filtering, paging and updating,
 * all over real HTTP against `startSandbox()`. Faults, the log and admin: yokoy-api-faults.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ParsedUbl } from '../../sandbox/data/ubl';
import { writeUbl } from '../../sandbox/data/ubl-write';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { blankPdf } from '../../sandbox/yokoy-api/admin';
import { seed } from '../../sandbox/yokoy-api/store';
import { whenTimeHasPassed } from './clock';

let sandbox: Sandbox;
const ORG = seed.organizationId;
const LE = 'le-BE-acme-0001';
const base = () => sandbox.internalUrls.yokoyApi;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(async () => {
  await fetch(`${base()}/__admin/reset`, { method: 'POST' });
});

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

function tokenRequest(init: { authorization?: string; body?: string; contentType?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': init.contentType ?? 'application/x-www-form-urlencoded' };
  const authorization =
    init.authorization === undefined ? basic(seed.readyClient.clientId, seed.readyClient.clientSecret) : init.authorization;
  if (authorization) headers.authorization = authorization;
  return fetch(`${base()}/oauth2/token`, { method: 'POST', headers, body: init.body ?? 'grant_type=client_credentials' });
}

async function getToken(clientId: string = seed.readyClient.clientId, secret: string = seed.readyClient.clientSecret): Promise<string> {
  const res = await tokenRequest({ authorization: basic(clientId, secret) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

interface CallInit {
  method?: string;
  token?: string | null;
  authMethod?: string | null;
  headers?: Record<string, string>;
  body?: BodyInit;
  org?: string;
}

async function call(path: string, init: CallInit = {}) {
  const headers: Record<string, string> = { ...init.headers };
  const token = init.token === undefined ? await getToken() : init.token;
  if (token) headers.authorization = `Bearer ${token}`;
  const authMethod = init.authMethod === undefined ? 'yokoy' : init.authMethod;
  if (authMethod) headers['x-yk-auth-method'] = authMethod;
  return fetch(`${base()}/v1/organizations/${init.org ?? ORG}${path}`, { method: init.method ?? 'GET', headers, body: init.body });
}

const postJson = (path: string, body: unknown, init: CallInit = {}) =>
  call(path, { ...init, method: init.method ?? 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

function ublDoc(overrides: Partial<ParsedUbl> = {}): ParsedUbl {
  return {
    kind: 'invoice',
    invoiceNumber: 'INV-2024-0001',
    issueDate: '2024-12-01',
    dueDate: '2024-12-31',
    currency: 'EUR',
    supplier: { name: 'Imprimerie Dupont SPRL', country: 'BE', vatId: 'BE0123456749', endpointId: '0123456749' },
    customer: { name: 'Acme Belgium NV', country: 'BE', vatId: 'BE0987654312', endpointId: '0987654312' },
    totals: { net: 150, vat: 31.5, gross: 181.5, payable: 181.5 },
    vatBreakdown: [{ category: 'S', percent: 21, taxable: 150, tax: 31.5 }],
    lines: [
      { id: '1', description: 'Business cards', quantity: 2, unitCode: 'C62', net: 100, vatCategory: 'S', vatPercent: 21 },
      { id: '2', description: 'Flyers', quantity: 1, unitCode: 'C62', net: 50, vatCategory: 'S', vatPercent: 21 },
    ],
    ...overrides,
  };
}

const blob = (data: Buffer, type: string) => new Blob([Uint8Array.from(data)], { type });

function einvoiceForm(opts: { xml?: string; pdf?: Buffer; standard?: string | null; asFile?: boolean } = {}): FormData {
  const form = new FormData();
  if (opts.standard !== null) form.append('standard', opts.standard ?? 'peppolBis');
  const xml = opts.xml ?? writeUbl(ublDoc());
  if (opts.asFile) form.append('invoiceData', blob(Buffer.from(xml), 'application/xml'), 'invoice.xml');
  else form.append('invoiceData', xml);
  form.append('pdf', blob(opts.pdf ?? blankPdf, 'application/pdf'), 'invoice.pdf');
  return form;
}

type Json = Record<string, unknown>;
type InvoiceJson = Json & { id: string; invoiceNumber: string; lineItems: Json[]; customInformation: Json | null };

async function createEinvoice(doc: Partial<ParsedUbl> = {}, le = LE): Promise<InvoiceJson> {
  const res = await call(`/legal-entities/${le}/invoices/einvoice`, { method: 'POST', body: einvoiceForm({ xml: writeUbl(ublDoc(doc)) }) });
  expect(res.status).toBe(201);
  const body = (await res.json()) as InvoiceJson[];
  return body[0] as InvoiceJson;
}

async function seedInvoices(n: number, extra: (i: number) => Json = () => ({})) {
  for (let i = 1; i <= n; i++) {
    const res = await fetch(`${base()}/__admin/invoices`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ legalEntityId: LE, invoiceNumber: `SEED-${i}`, ...extra(i) }),
    });
    expect(res.status).toBe(201);
  }
}

function jsonInvoice(overrides: Json = {}): Json {
  return {
    invoiceNumber: 'JSON-1',
    country: 'BE',
    currency: 'EUR',
    date: '2024-11-05',
    documentData: blankPdf.toString('base64'),
    lineItems: [
      { description: 'Consulting', gross: 121, net: 100, quantity: 1 },
      { description: 'Travel', gross: 24.2, net: 20 },
    ],
    customInformation: { banqupId: 'bq-1' },
    ...overrides,
  };
}

describe('POST /oauth2/token', () => {
  it('issues a bearer token for HTTP Basic client credentials', async () => {
    const res = await tokenRequest();
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as Json;
    expect(body).toEqual({ access_token: expect.any(String), expires_in: 3600, token_type: 'Bearer' });
  });

  it('works for a client generated on the Developer page', async () => {
    const client = sandbox.state.yokoy.createClient(ORG, 'Banqup connector');
    const token = await getToken(client.clientId, client.clientSecret);
    expect((await call('/legal-entities', { token })).status).toBe(200);
  });

  it('answers expires_in from the configured lifetime', async () => {
    sandbox.state.yokoy.tokenLifetimeSeconds = 90;
    try {
      expect(((await (await tokenRequest()).json()) as Json).expires_in).toBe(90);
    } finally {
      sandbox.state.yokoy.tokenLifetimeSeconds = 3600;
    }
  });

  it.each([
    ['an unknown client ID', basic('nobody', seed.readyClient.clientSecret)],
    ['a wrong secret', basic(seed.readyClient.clientId, 'wrong-secret')],
    ['no credentials at all', ''],
    ['a malformed Basic header', 'Basic !!!'],
  ])('rejects %s with 401 invalid_client and a challenge', async (_label, authorization) => {
    const res = await tokenRequest({ authorization });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic /);
    expect(await res.json()).toEqual({ error: 'invalid_client', error_description: expect.any(String) });
  });

  it('refuses credentials in the form body (the description only allows HTTP Basic)', async () => {
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: seed.readyClient.clientId,
      client_secret: seed.readyClient.clientSecret,
    });
    const res = await tokenRequest({ authorization: '', body: body.toString() });
    expect(res.status).toBe(401);
    expect(((await res.json()) as Json).error).toBe('invalid_client');
  });

  it('rejects a missing grant type with 400 invalid_request', async () => {
    const res = await tokenRequest({ body: '' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Json).error).toBe('invalid_request');
  });

  it('rejects another grant type with 400 unsupported_grant_type', async () => {
    const res = await tokenRequest({ body: 'grant_type=password' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Json).error).toBe('unsupported_grant_type');
  });

  it('rejects a JSON body with 400 invalid_request', async () => {
    const res = await tokenRequest({ contentType: 'application/json', body: JSON.stringify({ grant_type: 'client_credentials' }) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Json).error).toBe('invalid_request');
  });

  it('answers 405 to GET', async () => {
    const res = await fetch(`${base()}/oauth2/token`);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });
});

describe('API authentication', () => {
  it('requires X-Yk-Auth-Method: yokoy (401 {code, message})', async () => {
    for (const authMethod of [null, 'oauth', 'Yokoy']) {
      const res = await call('/legal-entities', { authMethod });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ code: 401, message: expect.stringContaining('X-Yk-Auth-Method') });
    }
  });

  it('requires a bearer token', async () => {
    const res = await call('/legal-entities', { token: null });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(await res.json()).toEqual({ code: 401, message: expect.any(String) });
  });

  it('rejects an unknown token', async () => {
    const res = await call('/legal-entities', { token: 'not-a-token' });
    expect(res.status).toBe(401);
    expect(((await res.json()) as Json).code).toBe(401);
  });

  it('rejects an expired token with "Token expired"', async () => {
    const token = await getToken();
    const stored = sandbox.state.yokoy.findToken(token);
    if (!stored) throw new Error('token not stored');
    stored.expiresAt = Date.now() - 1;
    const res = await call('/legal-entities', { token });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ code: 401, message: 'Token expired' });
  });

  it('lets tokens die after the configured lifetime', async () => {
    sandbox.state.yokoy.tokenLifetimeSeconds = 1;
    try {
      const token = await getToken();
      expect((await call('/legal-entities', { token })).status).toBe(200);
      expect(await whenTimeHasPassed(1100, async () => (await call('/legal-entities', { token })).status)).toBe(401);
    } finally {
      sandbox.state.yokoy.tokenLifetimeSeconds = 3600;
    }
  });

  it('rejects a token of another organization with 403', async () => {
    const other = sandbox.state.yokoy.createOrganization('Globex');
    const client = sandbox.state.yokoy.createClient(other.id, 'Globex client');
    const token = await getToken(client.clientId, client.clientSecret);
    const res = await call('/legal-entities', { token });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ code: 403, message: 'User not authorized to access organization' });
    // …and the same token works for its own organization.
    expect((await call('/legal-entities', { token, org: other.id })).status).toBe(200);
  });

  it('answers an unknown organization with the same 403', async () => {
    const res = await call('/legal-entities', { org: 'NoSuchOrg123' });
    expect(res.status).toBe(403);
    expect(((await res.json()) as Json).code).toBe(403);
  });

  it('echoes X-Yk-Correlation-Id', async () => {
    const res = await call('/legal-entities', { headers: { 'x-yk-correlation-id': '4ea8985e-80a2-40a0-8a40-401a1a1374b3' } });
    expect(res.headers.get('x-yk-correlation-id')).toBe('4ea8985e-80a2-40a0-8a40-401a1a1374b3');
  });

  it('answers unknown paths 404 and wrong methods 405, as {code, message}', async () => {
    const notFound = await call('/nothing-here');
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toEqual({ code: 404, message: 'Resource not found' });
    const wrongMethod = await call(`/legal-entities/${LE}/invoices/abc`, { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET, PATCH');
    expect(((await wrongMethod.json()) as Json).code).toBe(405);
  });
});

describe('legal entities', () => {
  it('lists the organization’s legal entities with the description’s fields', async () => {
    const res = await call('/legal-entities');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { legalEntities: Json[] };
    expect(body.legalEntities).toHaveLength(3);
    expect(body.legalEntities[0]).toEqual({
      id: LE,
      name: 'Acme Belgium NV',
      code: 'ACME-BE',
      language: 'nl',
      policies: [],
      categories: [],
      taxRates: [],
    });
    expect(body).not.toHaveProperty('nextCursor');
  });

  it('filters legal entities', async () => {
    const body = (await (await call(`/legal-entities?filter=${encodeURIComponent('code eq "ACME-CH"')}`)).json()) as {
      legalEntities: Json[];
    };
    expect(body.legalEntities.map((le) => le.id)).toEqual(['le-CH-acme-0003']);
  });

  it('gets one legal entity, 404 for an unknown one', async () => {
    const res = await call(`/legal-entities/${LE}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as Json).name).toBe('Acme Belgium NV');
    const missing = await call('/legal-entities/le-nope');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ code: 404, message: 'Resource not found' });
  });
});

describe('POST …/invoices/einvoice', () => {
  it('creates an invoice from Peppol UBL and answers 201 with it (as [invoice], like the description’s example)', async () => {
    const res = await call(`/legal-entities/${LE}/invoices/einvoice`, { method: 'POST', body: einvoiceForm() });
    expect(res.status).toBe(201);
    const body = (await res.json()) as InvoiceJson[];
    expect(Array.isArray(body)).toBe(true);
    const invoice = body[0] as InvoiceJson;
    expect(invoice).toMatchObject({
      id: expect.stringMatching(/^[\w-]+$/),
      invoiceNumber: 'INV-2024-0001',
      date: '2024-12-01',
      dueDate: '2024-12-31',
      currency: 'EUR',
      country: 'BE',
      grossAmount: 181.5,
      netAmount: 150,
      taxAmount: 31.5,
      isCreditNote: false,
      status: '7',
      legalEntityId: LE,
      documentData: null,
      customInformation: null,
      supplierId: expect.any(String),
    });
    expect(invoice.lineItems).toHaveLength(2);
    expect(invoice.lineItems[0]).toMatchObject({
      description: 'Business cards',
      quantity: 2,
      itemPrice: 50,
      net: 100,
      gross: 121,
      unit: 'C62',
    });

    const got = await call(`/legal-entities/${LE}/invoices/${invoice.id}`);
    expect(got.status).toBe(200);
    expect(((await got.json()) as Json).invoiceNumber).toBe('INV-2024-0001');

    const admin = (await (await fetch(`${base()}/__admin/invoices`)).json()) as { invoices: Json[] };
    expect(admin.invoices).toEqual([
      expect.objectContaining({
        id: invoice.id,
        supplierName: 'Imprimerie Dupont SPRL',
        pdfBytes: blankPdf.length,
        source: 'einvoice',
        organizationId: ORG,
        legalEntityId: LE,
      }),
    ]);
  });

  it('serves the stored PDF as base64 and as application/pdf', async () => {
    const invoice = await createEinvoice();
    const b64 = await call(`/legal-entities/${LE}/invoices/${invoice.id}/base64`);
    expect(await b64.json()).toEqual({ invoiceId: invoice.id, pdfBase64: blankPdf.toString('base64') });
    const pdf = await call(`/legal-entities/${LE}/invoices/${invoice.id}/presentation`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).equals(blankPdf)).toBe(true);
  });

  it('accepts base64 UBL, and UBL as a file part', async () => {
    const xml = writeUbl(ublDoc({ invoiceNumber: 'B64-1' }));
    const a = await call(`/legal-entities/${LE}/invoices/einvoice`, {
      method: 'POST',
      body: einvoiceForm({ xml: Buffer.from(xml).toString('base64') }),
    });
    expect(a.status).toBe(201);
    const b = await call(`/legal-entities/${LE}/invoices/einvoice`, { method: 'POST', body: einvoiceForm({ xml, asFile: true }) });
    expect(b.status).toBe(201);
  });

  it('accepts the shared UBL fixtures and rejects the broken one', async () => {
    const dir = join(__dirname, '../fixtures/ubl');
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.xml')) : [];
    for (const file of files) {
      const xml = readFileSync(join(dir, file), 'utf8');
      const res = await call(`/legal-entities/${LE}/invoices/einvoice`, { method: 'POST', body: einvoiceForm({ xml }) });
      expect(res.status, file).toBe(file.startsWith('broken') ? 400 : 201);
      const body = (await res.json()) as InvoiceJson[] | { errors: unknown[] };
      if (file.startsWith('broken')) expect((body as { errors: unknown[] }).errors.length, file).toBeGreaterThan(0);
      else expect((body as InvoiceJson[])[0]?.invoiceNumber, file).toBeTruthy();
    }
  });

  it('marks UBL credit notes as credit notes', async () => {
    const invoice = await createEinvoice({ kind: 'creditNote', invoiceNumber: 'CN-1' });
    expect(invoice.isCreditNote).toBe(true);
  });

  it('reuses the legal-entity supplier for the same seller', async () => {
    const a = await createEinvoice({ invoiceNumber: 'A' });
    const b = await createEinvoice({ invoiceNumber: 'B' });
    const c = await createEinvoice({ invoiceNumber: 'C', supplier: { name: 'Other Supplier BV', country: 'NL', vatId: 'NL123456789B01' } });
    expect(a.supplierId).toBe(b.supplierId);
    expect(c.supplierId).not.toBe(a.supplierId);
    expect(c.country).toBe('NL');
  });

  it('answers with a bare object when the einvoiceAnswer quirk says so', async () => {
    await fetch(`${base()}/__admin/faults`, {
      method: 'PUT',
      body: JSON.stringify({ quirks: { einvoiceAnswer: 'object', statusFormat: 'name' } }),
    });
    const res = await call(`/legal-entities/${LE}/invoices/einvoice`, { method: 'POST', body: einvoiceForm() });
    const body = (await res.json()) as Json;
    expect(body.invoiceNumber).toBe('INV-2024-0001');
    expect(body.status).toBe('new');
  });

  it('rejects malformed UBL with 400 and field errors', async () => {
    const res = await call(`/legal-entities/${LE}/invoices/einvoice`, {
      method: 'POST',
      body: einvoiceForm({ xml: '<Invoice><cbc:ID>oops' }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: number; message: string; errors: { field: string; message: string }[] };
    expect(body.code).toBe(400);
    expect(body.errors.length).toBeGreaterThan(0);
    expect(body.errors[0]?.field).toMatch(/^invoiceData/);
    expect((await (await fetch(`${base()}/__admin/invoices`)).json()) as Json).toEqual({ invoices: [] });
  });

  it('rejects a UBL document missing required data', async () => {
    const xml = writeUbl(ublDoc()).replace(/<cbc:IssueDate>[^<]*<\/cbc:IssueDate>/, '');
    const res = await call(`/legal-entities/${LE}/invoices/einvoice`, { method: 'POST', body: einvoiceForm({ xml }) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: unknown[] }).errors.length).toBeGreaterThan(0);
  });

  it('rejects a pdf part that is not a PDF', async () => {
    const res = await call(`/legal-entities/${LE}/invoices/einvoice`, {
      method: 'POST',
      body: einvoiceForm({ pdf: Buffer.from('<html>not a pdf</html>') }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: Json[] }).errors).toContainEqual({ field: 'pdf', message: expect.any(String) });
  });

  it('requires standard=peppolBis', async () => {
    for (const standard of [null, 'xrechnung']) {
      const res = await call(`/legal-entities/${LE}/invoices/einvoice`, { method: 'POST', body: einvoiceForm({ standard }) });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { errors: Json[] }).errors.map((e) => e.field)).toContain('standard');
    }
  });

  it('rejects a non-multipart body', async () => {
    const res = await postJson(`/legal-entities/${LE}/invoices/einvoice`, { standard: 'peppolBis' });
    expect(res.status).toBe(400);
  });

  it('answers 404 for an unknown legal entity', async () => {
    const res = await call('/legal-entities/le-unknown/invoices/einvoice', { method: 'POST', body: einvoiceForm() });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ code: 404, message: 'Resource not found' });
  });
});

describe('POST …/invoices/upload', () => {
  it('accepts a PDF for the AI: empty attributes, status 8 until processed, then 7', async () => {
    sandbox.state.yokoy.aiProcessingMs = 200;
    try {
      const form = new FormData();
      form.append('file', blob(blankPdf, 'application/pdf'), 'scan.pdf');
      const res = await call(`/legal-entities/${LE}/invoices/upload`, { method: 'POST', body: form });
      expect(res.status).toBe(201);
      const invoice = (await res.json()) as InvoiceJson;
      expect(invoice).toMatchObject({ status: '8', invoiceNumber: '', lineItems: [], grossAmount: 0 });
      const later = await whenTimeHasPassed(
        250,
        async () => (await (await call(`/legal-entities/${LE}/invoices/${invoice.id}`)).json()) as Json,
      );
      expect(later.status).toBe('7');
    } finally {
      sandbox.state.yokoy.aiProcessingMs = 3000;
    }
  });

  it('rejects a file that is not a PDF, and a missing file', async () => {
    const form = new FormData();
    form.append('file', blob(Buffer.from('hello'), 'text/plain'), 'x.txt');
    const res = await call(`/legal-entities/${LE}/invoices/upload`, { method: 'POST', body: form });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: Json[] }).errors[0]?.field).toBe('file');
    const empty = await call(`/legal-entities/${LE}/invoices/upload`, { method: 'POST', body: new FormData() });
    expect(empty.status).toBe(400);
  });
});

describe('POST …/invoices (JSON)', () => {
  it('creates an invoice, amounts aggregated from line items', async () => {
    const res = await postJson(`/legal-entities/${LE}/invoices`, jsonInvoice());
    expect(res.status).toBe(201);
    const invoice = (await res.json()) as InvoiceJson;
    expect(invoice).toMatchObject({
      invoiceNumber: 'JSON-1',
      grossAmount: 145.2,
      netAmount: 120,
      taxAmount: 25.2,
      status: '7',
      documentData: null,
      customInformation: { banqupId: 'bq-1' },
    });
    const b64 = (await (await call(`/legal-entities/${LE}/invoices/${invoice.id}/base64`)).json()) as Json;
    expect(b64.pdfBase64).toBe(blankPdf.toString('base64'));
  });

  it('rejects a body that is not JSON', async () => {
    const res = await call(`/legal-entities/${LE}/invoices`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"invoiceNumber":',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as Json;
    expect(body).toMatchObject({ code: 400, message: 'Validation Error', errors: [{ field: 'body', message: expect.any(String) }] });
  });

  it('lists every missing required field', async () => {
    const res = await postJson(`/legal-entities/${LE}/invoices`, {});
    expect(res.status).toBe(400);
    const fields = ((await res.json()) as { errors: Json[] }).errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['invoiceNumber', 'country', 'documentData', 'lineItems']));
  });

  it('validates line items, dates and the document', async () => {
    const res = await postJson(
      `/legal-entities/${LE}/invoices`,
      jsonInvoice({
        date: '05/11/2024',
        documentData: Buffer.from('not a pdf').toString('base64'),
        lineItems: [{ net: 10 }, { gross: -1, net: 1 }],
      }),
    );
    expect(res.status).toBe(400);
    const fields = ((await res.json()) as { errors: Json[] }).errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['date', 'documentData', 'lineItems[0].gross', 'lineItems[1].gross']));
    expect((await (await fetch(`${base()}/__admin/invoices`)).json()) as Json).toEqual({ invoices: [] });
  });
});

describe('GET …/invoices: paging and filters', () => {
  it('returns everything without count, with neither itemsPerPage nor nextCursor', async () => {
    await seedInvoices(5);
    const body = (await (await call(`/legal-entities/${LE}/invoices`)).json()) as Json;
    expect((body.invoices as Json[]).map((i) => i.invoiceNumber)).toEqual(['SEED-1', 'SEED-2', 'SEED-3', 'SEED-4', 'SEED-5']);
    expect(body).not.toHaveProperty('nextCursor');
    expect(body).not.toHaveProperty('itemsPerPage');
  });

  it('pages with count and cursor until nextCursor is missing', async () => {
    await seedInvoices(7);
    const seen: string[] = [];
    const pages: number[] = [];
    let cursor: string | undefined;
    do {
      const res = await call(`/legal-entities/${LE}/invoices?count=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { invoices: Json[]; itemsPerPage: number; nextCursor?: string };
      expect(body.itemsPerPage).toBe(body.invoices.length);
      pages.push(body.invoices.length);
      seen.push(...body.invoices.map((i) => i.invoiceNumber as string));
      cursor = body.nextCursor;
    } while (cursor);
    expect(pages).toEqual([3, 3, 1]);
    expect(seen).toEqual(Array.from({ length: 7 }, (_, i) => `SEED-${i + 1}`));
  });

  it('gives a full last page a nextCursor, then an empty page without one', async () => {
    await seedInvoices(6);
    const first = (await (await call(`/legal-entities/${LE}/invoices?count=3`)).json()) as { nextCursor: string };
    const second = (await (await call(`/legal-entities/${LE}/invoices?count=3&cursor=${first.nextCursor}`)).json()) as {
      invoices: Json[];
      nextCursor?: string;
    };
    expect(second.invoices).toHaveLength(3);
    expect(second.nextCursor).toBeDefined();
    const third = (await (await call(`/legal-entities/${LE}/invoices?count=3&cursor=${second.nextCursor}`)).json()) as Json;
    expect(third).toEqual({ invoices: [], itemsPerPage: 0 });
  });

  it('rejects count above 100, a cursor without count and an unknown cursor', async () => {
    for (const query of ['count=101', 'count=0', 'count=abc', 'cursor=abc', 'count=10&cursor=nope']) {
      const res = await call(`/legal-entities/${LE}/invoices?${query}`);
      expect(res.status, query).toBe(400);
      expect(((await res.json()) as Json).code).toBe(400);
    }
    expect((await call(`/legal-entities/${LE}/invoices?count=100`)).status).toBe(200);
  });

  it('filters on invoiceNumber, supplierId and customInformation, combined with and', async () => {
    const a = await createEinvoice({ invoiceNumber: 'F-1' });
    await createEinvoice({ invoiceNumber: 'F-2' });
    const c = await createEinvoice({ invoiceNumber: 'F-1', supplier: { name: 'Other Supplier BV', country: 'NL' } });
    await call(`/legal-entities/${LE}/invoices/${a.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customInformation: { banqupId: 'doc 42' } }),
    });
    const list = async (filter: string) => {
      const res = await call(`/legal-entities/${LE}/invoices?filter=${encodeURIComponent(filter)}`);
      expect(res.status, filter).toBe(200);
      return ((await res.json()) as { invoices: InvoiceJson[] }).invoices.map((i) => i.id);
    };
    expect(await list('invoiceNumber eq "F-1"')).toEqual([a.id, c.id]);
    expect(await list('invoiceNumber eq F-1')).toEqual([a.id, c.id]);
    expect(await list(`invoiceNumber eq "F-1" and supplierId eq "${String(c.supplierId)}"`)).toEqual([c.id]);
    expect(await list('customInformation.banqupId eq "doc 42"')).toEqual([a.id]);
    expect(await list('customInformation.banqupId eq "doc 42" and invoiceNumber eq "F-2"')).toEqual([]);
    expect(await list('invoiceNumber eq "f-1"')).toEqual([]);
    expect(await list('grossAmount gt 100 and customInformation.banqupId pr')).toEqual([a.id]);
  });

  it('lists what changed since a lastModified (the companion’s incremental index refresh)', async () => {
    const a = await createEinvoice({ invoiceNumber: 'M-1' });
    const b = await createEinvoice({ invoiceNumber: 'M-2' });
    const since = String(b.lastModified);
    // The PATCH must land in a later millisecond than `since`: wait for the clock, not a time.
    while (Date.now() <= Date.parse(since)) await new Promise((r) => setImmediate(r));
    await call(`/legal-entities/${LE}/invoices/${a.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customInformation: { banqupDocumentId: 'd-1' } }),
    });
    const res = await call(`/legal-entities/${LE}/invoices?count=100&filter=${encodeURIComponent(`lastModified gt "${since}"`)}`);
    const changed = ((await res.json()) as { invoices: InvoiceJson[] }).invoices;
    expect(changed.map((i) => i.id)).toEqual([a.id]);
    expect(changed[0]!.customInformation).toEqual({ banqupDocumentId: 'd-1' });
  });

  it('lists the legal entity’s suppliers, which invoices name by supplierId', async () => {
    const a = await createEinvoice({ invoiceNumber: 'S-1' });
    const res = await call(`/legal-entities/${LE}/suppliers`);
    expect(res.status).toBe(200);
    const { suppliers } = (await res.json()) as { suppliers: Json[] };
    expect(suppliers.find((s) => s.id === a.supplierId)).toMatchObject({ name: expect.any(String) });
    expect((await call('/legal-entities/le-nope/suppliers')).status).toBe(404);
  });

  it('pages through filtered results', async () => {
    await seedInvoices(5, (i) => ({ customInformation: { batch: i % 2 ? 'odd' : 'even' } }));
    const first = (await (
      await call(`/legal-entities/${LE}/invoices?count=2&filter=${encodeURIComponent('customInformation.batch eq odd')}`)
    ).json()) as {
      invoices: Json[];
      nextCursor: string;
    };
    expect(first.invoices.map((i) => i.invoiceNumber)).toEqual(['SEED-1', 'SEED-3']);
    const second = (await (
      await call(
        `/legal-entities/${LE}/invoices?count=2&cursor=${first.nextCursor}&filter=${encodeURIComponent('customInformation.batch eq odd')}`,
      )
    ).json()) as {
      invoices: Json[];
      nextCursor?: string;
    };
    expect(second.invoices.map((i) => i.invoiceNumber)).toEqual(['SEED-5']);
    expect(second.nextCursor).toBeUndefined();
  });

  it('rejects an invalid filter with the description’s InvalidFilter body', async () => {
    const res = await call(`/legal-entities/${LE}/invoices?filter=${encodeURIComponent('foo e bar')}`);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ code: 400, message: 'Invalid filter string: foo e bar' });
  });

  it('keeps legal entities apart, and answers 404 for an unknown one', async () => {
    await seedInvoices(2);
    const other = (await (await call('/legal-entities/le-PT-acme-0002/invoices')).json()) as Json;
    expect(other).toEqual({ invoices: [] });
    expect((await call('/legal-entities/le-nope/invoices')).status).toBe(404);
  });
});

describe('PATCH …/invoices/{id}', () => {
  it('merges custom information at header and line level; null removes a key', async () => {
    const created = (await (
      await postJson(`/legal-entities/${LE}/invoices`, jsonInvoice({ customInformation: { a: '1', b: '2' } }))
    ).json()) as InvoiceJson;
    const res = await postJson(
      `/legal-entities/${LE}/invoices/${created.id}`,
      { customInformation: { b: null, c: '3' }, lineItems: [{ customInformation: { line: 'x' } }, {}] },
      { method: 'PATCH' },
    );
    expect(res.status).toBe(200);
    const updated = (await res.json()) as InvoiceJson;
    expect(updated.customInformation).toEqual({ a: '1', c: '3' });
    expect(updated.lineItems[0]?.customInformation).toEqual({ line: 'x' });
    expect(updated.lineItems[1]?.customInformation).toBeNull();
    expect(Date.parse(updated.lastModified as string)).toBeGreaterThanOrEqual(Date.parse(created.lastModified as string));
    expect(updated.created).toBe(created.created);
  });

  it('refuses to change anything but custom information', async () => {
    const created = await createEinvoice();
    const res = await postJson(
      `/legal-entities/${LE}/invoices/${created.id}`,
      { invoiceNumber: 'HACK', customInformation: { ok: 'yes' } },
      { method: 'PATCH' },
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: Json[] }).errors).toEqual([{ field: 'invoiceNumber', message: expect.any(String) }]);
    const after = (await (await call(`/legal-entities/${LE}/invoices/${created.id}`)).json()) as InvoiceJson;
    expect(after.invoiceNumber).toBe('INV-2024-0001');
    expect(after.customInformation).toBeNull();
  });

  it('requires one line-item entry per line item', async () => {
    const created = await createEinvoice();
    const res = await postJson(
      `/legal-entities/${LE}/invoices/${created.id}`,
      { lineItems: [{ customInformation: { a: 'b' } }] },
      { method: 'PATCH' },
    );
    expect(res.status).toBe(400);
  });

  it('answers 404 for an unknown invoice', async () => {
    const res = await postJson(`/legal-entities/${LE}/invoices/nope123`, { customInformation: {} }, { method: 'PATCH' });
    expect(res.status).toBe(404);
    expect((await call(`/legal-entities/${LE}/invoices/nope123`)).status).toBe(404);
  });
});
