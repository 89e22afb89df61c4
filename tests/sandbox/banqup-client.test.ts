/**
 * The extension's Banqup client (lib/banqup) against the look-alike's documented shapes, over
 * real HTTP: the spaces answer (`spaces[].id`), v2 documents under
 * /datastore/documents/transaction/… with folder PURCHASES, category INVOICE and
 * `status.{document,pay,delivery}`, the documented error body, and the status filter with
 * Banqup's real statuses (default: what Banqup's own connector sends, approved documents).
 * Expected figures come from the look-alike's data, not from the client.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBanqupClient, type BanqupClient } from '../../lib/banqup-api/client';
import { banqupSeedSpace, banqupSeedUser } from '../../sandbox/banqup/store';
import { statusOf } from '../../sandbox/banqup/statuses';
import { startSandbox, type Sandbox } from '../../sandbox/server';

let sandbox: Sandbox;
let base: string;
let cookie: string;

const withCookie =
  (c: () => string | undefined): typeof fetch =>
  (input, init) =>
    fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), ...(c() ? { cookie: c()! } : {}) } });
const client = (c: () => string | undefined = () => cookie): BanqupClient =>
  createBanqupClient({ fetch: withCookie(c), origin: async () => base });
const purchases = () => sandbox.state.banqup.documents.filter((d) => d.folder === 'PURCHASES');

async function all(c: BanqupClient, filters: Parameters<BanqupClient['listDocuments']>[0]) {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const answer = await c.listDocuments(filters, page, 10);
    if (!answer.ok) throw new Error(answer.failure.kind);
    ids.push(...answer.value.documents.map((d) => d.documentId));
    if (!answer.value.documents.length || ids.length >= (answer.value.total ?? 0)) return { ids, total: answer.value.total };
  }
}

beforeAll(async () => {
  sandbox = await startSandbox();
  base = sandbox.internalUrls.banqup;
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  sandbox.state.reset();
  const res = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: banqupSeedUser.email, password: banqupSeedUser.password, next: '/' }).toString(),
  });
  cookie = res.headers.get('set-cookie')!.split(';')[0]!;
});

describe('the documented shapes the look-alike serves', () => {
  it('lists spaces as {spaces: [{id, name, type}]} and documents as v2 documents', async () => {
    const spaces = await (await fetch(`${base}/entitystore/v1/spaces`, { headers: { cookie } })).json();
    expect(spaces).toEqual({
      spaces: [expect.objectContaining({ id: banqupSeedSpace.spaceId, name: banqupSeedSpace.name, type: 'BUSINESS' })],
    });
    const doc = purchases().find((d) => d.kind === 'invoice')!;
    const v2 = await (
      await fetch(`${base}/datastore/documents/transaction/v2/spaces/${banqupSeedSpace.spaceId}/documents/${doc.documentId}`, {
        headers: { cookie },
      })
    ).json();
    expect(v2).toMatchObject({
      documentId: doc.documentId,
      spaceId: banqupSeedSpace.spaceId,
      folder: 'PURCHASES',
      category: 'INVOICE',
      status: { delivery: 'RECEIVED' },
    });
    expect(Object.keys(v2.status).sort()).toEqual(['delivery', 'document', 'pay']);
    expect(v2.metadata.supplier.legalName).toBe(doc.meta.supplier.name);
  });

  it('answers errors with the documented body (status, error, title, detail)', async () => {
    const res = await fetch(
      `${base}/datastore/documents/transaction/v2/spaces/${banqupSeedSpace.spaceId}/documents/00000000-0000-4000-8000-000000000000`,
      { headers: { cookie } },
    );
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ status: 404, error: 'NOT_FOUND', title: 'Not Found', detail: expect.any(String) });
    const bad = await fetch(
      `${base}/datastore/documents/transaction/v2/spaces/${banqupSeedSpace.spaceId}/documents?documentStatus=APPROVED`,
      { headers: { cookie } },
    );
    expect(await bad.json()).toMatchObject({ status: 400, error: 'BAD_REQUEST' });
  });
});

describe('the Banqup client', () => {
  it('takes the space id from spaces[].id', async () => {
    expect(await client().spaceId()).toEqual({ ok: true, value: banqupSeedSpace.spaceId });
  });

  it('lists, by default, what Banqup’s own connector sends: fully approved purchase documents', async () => {
    const expected = purchases()
      .filter((d) => statusOf(d).document === 'FULLY_APPROVED')
      .map((d) => d.documentId);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(purchases().length);
    const listed = await all(client(), {});
    expect(listed.total).toBe(expected.length);
    expect(listed.ids.sort()).toEqual([...expected].sort());
  });

  it.each(['AWAITING_VALIDATION', 'VALIDATED', 'REFUSED', 'DISPUTED'] as const)('filters on the document status %s', async (status) => {
    const expected = purchases()
      .filter((d) => statusOf(d).document === status)
      .map((d) => d.documentId);
    expect(expected.length, `the look-alike has ${status} documents`).toBeGreaterThan(0);
    expect((await all(client(), { documentStatus: status })).ids.sort()).toEqual([...expected].sort());
  });

  it('filters on the payment status, and “any status” lists every purchase document', async () => {
    const partly = purchases().filter((d) => statusOf(d).document === 'FULLY_APPROVED' && statusOf(d).pay === 'PARTIALLY_PAID');
    expect(partly.length).toBeGreaterThan(0);
    expect((await all(client(), { payStatus: 'PARTIALLY_PAID' })).ids.sort()).toEqual(partly.map((d) => d.documentId).sort());
    expect((await all(client(), { documentStatus: 'ANY' })).total).toBe(purchases().length);
  });

  it('reads one document’s number, supplier, date, currency, total and statuses', async () => {
    const doc = purchases().find((d) => d.kind === 'invoice' && d.status === 'approved')!;
    const answer = await client().document(doc.documentId);
    expect(answer).toEqual({
      ok: true,
      value: expect.objectContaining({
        documentId: doc.documentId,
        folder: 'PURCHASES',
        documentType: 'INVOICE',
        documentStatus: 'FULLY_APPROVED',
        payStatus: 'UNPAID',
        documentNumber: doc.meta.invoiceNumber,
        supplierName: doc.meta.supplier.name,
        issueDate: doc.meta.issueDate,
        currency: doc.meta.currency,
        totalAmount: Math.round(doc.meta.totals.payable * 100) / 100,
      }),
    });
  });

  it('fetches the UBL and the PDF; a PDF-only document has no UBL', async () => {
    const c = client();
    const withUbl = purchases().find((d) => d.ubl)!;
    const ubl = await c.ubl(withUbl.documentId);
    // Bytes, as Banqup sent them (the export passes them on without decoding).
    expect(ubl.ok && ubl.value && new TextDecoder().decode(ubl.value)).toBe(withUbl.ubl);
    const pdf = await c.pdf(withUbl.documentId);
    expect(pdf.ok && Buffer.from(pdf.value).equals(withUbl.pdf)).toBe(true);
    const pdfOnly = purchases().find((d) => !d.ubl)!;
    expect(await c.ubl(pdfOnly.documentId)).toEqual({ ok: true, value: undefined });
  });

  it('counts bank statements', async () => {
    expect(await client().bankStatementCount()).toEqual({ ok: true, value: sandbox.state.banqup.bankStatements.length });
  });

  it('turns failures into typed values with Banqup’s own detail', async () => {
    expect(await client().document('00000000-0000-4000-8000-000000000000')).toEqual({
      ok: false,
      failure: { kind: 'not-found', status: 404, detail: 'No such document.' },
    });
    expect(await client(() => undefined).spaceId()).toMatchObject({ ok: false, failure: { kind: 'signed-out', status: 401 } });
  });
});
