/**
 * Parsers under fuzz (fast-check, 1,000 generated inputs each): what reads text a user pasted,
 * answers Yokoy sent, or a supplier's XML. Each gets random input and structured near-misses
 * (JSON with wrong types, huge numbers, nested junk; XML with wrong namespaces, entities,
 * truncated tags), and must answer a typed result without throwing:
 *   - the credential paste-cleaner `checkCredential` (each field): `{value, errors, warnings,
 *     fixes}`; a value with no error contains only characters that may go in an HTTP header;
 *     no input of the protocol's maximum length takes long (no catastrophic backtracking);
 *   - Yokoy's answers: `TokenAnswer`, `LegalEntitiesAnswer`, `ErrorBody` (safeParse shape), and
 *     the invoice answers (`YokoyInvoice`, and the create / list / base64 answers through the
 *     real invoice API over the real client, whose result is a typed `YokoyResult`);
 *   - the UBL reader: this project's is the sandbox's `parseUbl` (sandbox/data/ubl.ts; the
 *     extension uploads UBL as it is and does not parse it): `{ok: true, invoice}` or
 *     `{ok: false, errors: [...]}`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCredential, type Checked, type CredentialField } from '../../lib/credentials/clean';
import { createInvoiceApi, YokoyInvoice } from '../../lib/export/yokoy-invoices';
import { createYokoyClient } from '../../lib/yokoy-api/client';
import type { YokoyFailureKind, YokoyResult } from '../../lib/yokoy-api/errors';
import { ErrorBody, LegalEntitiesAnswer, TokenAnswer } from '../../lib/yokoy-api/schemas';
import { parseUbl } from '../../sandbox/data/ubl';

const RUNS = { numRuns: 1_000 };

// ---- shared generators --------------------------------------------------------------

/** Numbers and number-likes that break naive code. */
const nastyNumber = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(Number.MAX_VALUE, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER + 2, -0, Infinity, -Infinity, Number.NaN, 1e308, -1e308),
  fc.constantFrom('9'.repeat(400), '1e999', '-1', '0x10', '1_000', ' 12', '12.', '.5', 'NaN', 'Infinity', '١٢٣'),
);
const nastyString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    '\u0000',
    '\r\n',
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    '{{constructor.constructor("alert(1)")()}}',
    '__proto__',
    'x'.repeat(100_000),
  ),
);
/** Any JSON-ish value, nested. */
const json: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nastyString,
    nastyNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(nastyString, fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString')), tie('v'), { maxKeys: 4 }),
  ),
})).v;
const anything = fc.oneof(
  json,
  fc.anything({
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withNullPrototype: true,
    withSparseArray: true,
  }),
);
/** An object with the schema's keys, each holding any value (a near-miss: right shape, wrong types). */
const shaped = (keys: string[], value: fc.Arbitrary<unknown> = fc.oneof(json, nastyNumber, nastyString)) =>
  fc
    .tuple(
      fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length }),
      fc.dictionary(fc.string({ maxLength: 6 }), json, { maxKeys: 2 }),
    )
    .map(([a, b]) => ({ ...b, ...a }));

/** safeParse answers its typed shape and never throws. */
function expectSafeParseShape(result: { success: boolean; data?: unknown; error?: unknown }) {
  expect(typeof result.success).toBe('boolean');
  if (result.success) expect(result).toHaveProperty('data');
  else expect(result.error).toBeInstanceOf(Error);
}

// ---- the paste-cleaner ---------------------------------------------------------------

const fields: CredentialField[] = ['clientId', 'clientSecret', 'organizationId'];
const findingKinds = ['label-removed', 'quotes-removed', 'whitespace-removed', 'empty', 'bad-character', 'looks-like', 'unusual-format'];

/** What people paste: labels in four languages, quotes, zero-width and non-breaking spaces, line breaks, other fields' values. */
const paste = fc
  .tuple(
    fc.constantFrom(
      '',
      'Client ID: ',
      'Client secret = ',
      'ID da organização Yokoy ',
      'Organisation-ID:',
      'Clientgeheim\n',
      'Secret:\r\n',
      'id ',
      '“',
      '«',
      '"',
      "'",
      '`',
    ),
    fc.oneof(
      fc.stringMatching(/^[\w-]{1,40}$/),
      fc.uuid(),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom(
        'sbx_ready_secret_6f1c2a9e4b7d',
        'o7Hq2LmXc9',
        'Abc+/=._~xyzXYZ0123456789',
        '\u200b\ufeffvalue\u00a0',
        'a\u0000b',
        'tab\there',
        'crlf\r\nInjected: yes',
      ),
    ),
    fc.constantFrom('', ' ', '\n', '”', '»', '"', "'", '`', '\u200d', '  \t'),
  )
  .map(([a, b, c]) => a + b + c);
/** Adversarial for the label regex: long runs of letters, separators and colons, up to the protocol's 2,000 characters. */
const backtracking = fc
  .tuple(
    fc.array(fc.constantFrom('a', 'é', ' ', '-', '_', ':', '=', '(', '’', '.', '\n', 'x1'), { minLength: 200, maxLength: 2_000 }),
    fc.constantFrom('', '!', ' ', 'ok'),
  )
  .map(([parts, end]) => parts.join('').slice(0, 2_000) + end);

function expectChecked(field: CredentialField, checked: Checked) {
  expect(typeof checked.value).toBe('string');
  for (const list of [checked.errors, checked.warnings, checked.fixes]) {
    expect(Array.isArray(list)).toBe(true);
    for (const finding of list) expect(findingKinds).toContain(finding.kind);
  }
  if (!checked.errors.length) {
    // What is stored and sent in a Basic auth header: never empty, never a control character or space.
    expect(checked.value.length).toBeGreaterThan(0);
    expect(checked.value).toMatch(field === 'organizationId' ? /^[\w-]+$/ : /^[\x21-\x7e]+$/);
  }
}

describe('the credential paste-cleaner under fuzz', () => {
  for (const field of fields) {
    it(`${field}: 1,000 pastes, random and near-miss, each answer typed; accepted values are header-safe`, () => {
      fc.assert(
        fc.property(
          fc.oneof(paste, fc.string(), fc.string({ unit: 'binary', maxLength: 200 }), nastyString),
          fc.array(fc.stringMatching(/^[\w-]{1,21}$/), { maxLength: 3 }),
          (raw, known) => {
            expectChecked(
              field,
              checkCredential(field, raw, { knownLegalEntityIds: known, others: { clientId: known[0], organizationId: known[1] } }),
            );
          },
        ),
        RUNS,
      );
    });
  }

  it('no input of up to 2,000 characters takes long (the label pattern cannot backtrack without bound)', () => {
    let slowest = 0;
    fc.assert(
      fc.property(backtracking, fc.constantFrom(...fields), (raw, field) => {
        const start = performance.now();
        expectChecked(field, checkCredential(field, raw));
        slowest = Math.max(slowest, performance.now() - start);
      }),
      { numRuns: 300 },
    );
    expect(slowest).toBeLessThan(250);
  });
});

// ---- Yokoy's answers ---------------------------------------------------------------

describe("Yokoy's answer parsers under fuzz", () => {
  it('TokenAnswer: 1,000 answers; accepted only with a non-empty token and a number of seconds', () => {
    const nearMiss = shaped(['access_token', 'expires_in', 'token_type']);
    fc.assert(
      fc.property(fc.oneof(anything, nearMiss), (body) => {
        const result = TokenAnswer.safeParse(body);
        expectSafeParseShape(result);
        if (result.success) {
          expect(typeof result.data.access_token).toBe('string');
          expect(result.data.access_token.length).toBeGreaterThan(0);
          if (result.data.expires_in !== undefined) expect(typeof result.data.expires_in).toBe('number');
        }
      }),
      RUNS,
    );
  });

  it('LegalEntitiesAnswer: 1,000 answers; an accepted entity id is always [\\w-]+ (it goes into URLs)', () => {
    const entity = shaped(
      ['id', 'name', 'code', 'language', 'country', 'currency'],
      fc.oneof(nastyString, nastyNumber, json, fc.stringMatching(/^[\w-]{1,20}$/)),
    );
    const nearMiss = fc.oneof(
      fc.array(entity, { maxLength: 5 }).map((legalEntities) => ({ legalEntities })),
      shaped(['legalEntities']),
    );
    fc.assert(
      fc.property(fc.oneof(anything, nearMiss), (body) => {
        const result = LegalEntitiesAnswer.safeParse(body);
        expectSafeParseShape(result);
        if (result.success) for (const e of result.data.legalEntities) expect(e.id).toMatch(/^[\w-]+$/);
      }),
      RUNS,
    );
  });

  it('ErrorBody: 1,000 answers; accepted messages are strings (shown as text)', () => {
    const nearMiss = shaped(['code', 'message', 'errors', 'error', 'error_description']);
    const withErrors = fc
      .array(shaped(['field', 'message']), { maxLength: 4 })
      .map((errors) => ({ code: 400, message: 'Validation Error', errors }));
    fc.assert(
      fc.property(fc.oneof(anything, nearMiss, withErrors), (body) => {
        const result = ErrorBody.safeParse(body);
        expectSafeParseShape(result);
        if (result.success && result.data.message !== undefined) expect(typeof result.data.message).toBe('string');
      }),
      RUNS,
    );
  });

  it('YokoyInvoice: 1,000 answers; an accepted invoice id is always [\\w-]+', () => {
    const nearMiss = shaped(
      ['id', 'invoiceNumber', 'date', 'currency', 'grossAmount', 'customInformation'],
      fc.oneof(nastyString, nastyNumber, json, fc.stringMatching(/^[\w-]{1,20}$/)),
    );
    fc.assert(
      fc.property(fc.oneof(anything, nearMiss), (body) => {
        const result = YokoyInvoice.safeParse(body);
        expectSafeParseShape(result);
        if (result.success) expect(result.data.id).toMatch(/^[\w-]+$/);
      }),
      RUNS,
    );
  });
});

// ---- the invoice answers through the real client --------------------------------------

const failureKinds: YokoyFailureKind[] = [
  'invalid-client',
  'organization-mismatch',
  'missing-permission',
  'not-found',
  'validation',
  'conflict',
  'rate-limited',
  'server',
  'network',
  'malformed-answer',
  'unauthorized',
  'not-configured',
  'legal-entity-gone',
];

/** The real client and invoice API over a fake Yokoy that answers `answer()` to every /v1 call. */
function apiAnswering(answer: () => { status: number; text: string }) {
  const client = createYokoyClient({
    fetch: async (input) => {
      const url = String(input);
      if (url.endsWith('/oauth2/token')) return new Response(JSON.stringify({ access_token: 't', expires_in: 3600 }), { status: 200 });
      const { status, text } = answer();
      return new Response(status === 204 ? null : text, { status });
    },
    now: () => 0,
    sleep: async () => undefined,
    random: () => 0,
    maxAttempts: 1,
    endpoints: () => ({ accountsBase: 'https://accounts.test', apiBase: 'https://api.test', webOrigin: 'https://web.test' }),
    credentials: async () => ({ clientId: 'c', clientSecret: 's', organizationId: 'org' }),
  });
  return createInvoiceApi(client);
}

function expectResult(result: YokoyResult<unknown>) {
  expect(typeof result.ok).toBe('boolean');
  if (!result.ok) expect(failureKinds).toContain(result.failure.kind);
}

const invoiceLike = shaped(
  ['id', 'invoiceNumber', 'date', 'currency', 'grossAmount', 'customInformation'],
  fc.oneof(nastyString, nastyNumber, json, fc.stringMatching(/^[\w-]{1,20}$/)),
);
/** Answer bodies: JSON of anything or of near-miss invoices, lists, pages, base64 answers; and text that is not JSON. */
const invoiceBody = fc.oneof(
  anything.map((v) => {
    try {
      return JSON.stringify(v) ?? '';
    } catch {
      return '{';
    }
  }),
  fc.array(invoiceLike, { maxLength: 3 }).map((a) => JSON.stringify(a)),
  invoiceLike.map((i) => JSON.stringify(i)),
  fc
    .record(
      { invoices: fc.oneof(fc.array(invoiceLike, { maxLength: 3 }), json), nextCursor: fc.oneof(nastyString, json) },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
  fc.record({ pdfBase64: fc.oneof(fc.base64String(), nastyString, json) }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  fc.constantFrom('', '{', '{"invoices":[{"id":"a"', 'null', '[]', '[null]', '{"id":"../../x"}', '{"id":"ok","grossAmount":1e999}'),
);
const status = fc.constantFrom(200, 201, 204, 400, 401, 403, 404, 409, 422, 429, 500, 503);

describe('the invoice answers under fuzz (through the real client)', () => {
  it('create, list (paged) and tag: 1,000 answers, each a typed YokoyResult', async () => {
    await fc.assert(
      fc.asyncProperty(invoiceBody, status, fc.constantFrom('create', 'find', 'tag'), async (text, code, call) => {
        const api = apiAnswering(() => ({ status: code, text }));
        const pdf = new Blob([new Uint8Array([37, 80, 68, 70, 45])]);
        const result =
          call === 'create'
            ? await api.createFromUbl('le-1', '<Invoice/>', pdf, 'f')
            : call === 'find'
              ? await api.find('le-1', 'x eq "y"', 3)
              : await api.tag('le-1', 'inv-1', 'doc');
        expectResult(result);
        if (result.ok && call === 'create') expect((result.value as { id: string }).id).toMatch(/^[\w-]+$/);
        if (result.ok && call === 'find') for (const i of result.value as { id: string }[]) expect(i.id).toMatch(/^[\w-]+$/);
      }),
      RUNS,
    );
  });

  // Found by this suite and fixed: pdf() used to call atob on an unchecked string, which
  // throws on non-base64 (now checked by the schema and caught).
  it('the PDF (base64) answer: 1,000 answers, each a typed YokoyResult', async () => {
    await fc.assert(
      fc.asyncProperty(invoiceBody, status, async (text, code) => {
        const result = await apiAnswering(() => ({ status: code, text })).pdf('le-1', 'inv-1');
        expectResult(result);
      }),
      RUNS,
    );
  });

  it('the PDF (base64) answer: well-formed base64 and wrong shapes give typed results', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.base64String().map((b) => JSON.stringify({ pdfBase64: b })),
          anything
            .filter((v) => typeof (v as { pdfBase64?: unknown } | null)?.pdfBase64 !== 'string')
            .map((v) => {
              try {
                return JSON.stringify(v) ?? '';
              } catch {
                return '{';
              }
            }),
        ),
        status,
        async (text, code) => {
          expectResult(await apiAnswering(() => ({ status: code, text })).pdf('le-1', 'inv-1'));
        },
      ),
      RUNS,
    );
  });
});

// ---- the UBL reader ------------------------------------------------------------------

const fixtures = ['invoice-be-imprimerie.xml', 'creditnote-nl-reverse-charge.xml', 'broken-truncated.xml'].map((f) =>
  readFileSync(resolve(import.meta.dirname, '../fixtures/ubl', f), 'utf8'),
);
const good = fixtures[0]!;

/** Structured mutations of a real invoice: wrong namespace, DTDs and entities, truncation, swapped tags, junk amounts, nesting. */
const ublMutation = fc.oneof(
  fc.tuple(fc.constantFrom(...fixtures), fc.nat()).map(([x, n]) => x.slice(0, n % (x.length + 1))),
  fc
    .constantFrom(
      'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
      'http://evil.example/ns',
      '',
      'urn:oasis:names:specification:ubl:schema:xsd:Invoice-3',
    )
    .map((ns) => good.replace('urn:oasis:names:specification:ubl:schema:xsd:Invoice-2', ns)),
  fc
    .constantFrom(
      '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>',
      '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
      '<!doctype x SYSTEM "http://evil.example/x.dtd">',
      '<?xml-stylesheet href="http://evil.example/x.xsl"?>',
    )
    .map((dtd) => good.replace('<Invoice', `${dtd}<Invoice`).replace('F2026/0457</cbc:ID>', '&xxe;&lol2;</cbc:ID>')),
  fc
    .tuple(
      fc.constantFrom(
        'cbc:ID',
        'cbc:IssueDate',
        'cbc:DocumentCurrencyCode',
        'cbc:PayableAmount',
        'cbc:TaxAmount',
        'cbc:Name',
        'cac:LegalMonetaryTotal',
      ),
      fc.oneof(
        nastyString,
        nastyNumber.map(String),
        fc.constantFrom('<x>', '</cbc:ID>', ']]>', '<![CDATA[<b>]]>', '&amp;&lt;&#0;&#x110000;&#99999999;', '&unknown;'),
      ),
    )
    .map(([tag, value]) => {
      const re = new RegExp(`<${tag}([^>]*)>[^<]*</${tag}>`);
      return good.replace(re, `<${tag}$1>${value}</${tag}>`);
    }),
  fc
    .tuple(
      fc.constantFrom('Invoice', 'cbc:ID', 'cac:AccountingSupplierParty', 'cbc:IssueDate'),
      fc.constantFrom('Invoic', 'cbc:Id', 'evil:ID', 'ID xmlns="x"'),
    )
    .map(([from, to]) => good.split(`<${from}`).join(`<${to}`)),
  fc
    .integer({ min: 1, max: 2_000 })
    .map((depth) => good.replace('</Invoice>', `${'<cac:Nested>'.repeat(depth)}${'</cac:Nested>'.repeat(depth)}</Invoice>`)),
  fc.integer({ min: 1, max: 500 }).map((n) => good.replace('<cbc:ID>F2026/0457</cbc:ID>', '<cbc:ID>F2026/0457</cbc:ID>'.repeat(n))),
  fc.constantFrom(
    good.replace(/<\/[^>]+>$/, ''),
    good.replace(/>/g, ''),
    good.replace(/</g, '&lt;'),
    `${good}${good}`,
    `<Invoice>${'x'.repeat(1_000_000)}</Invoice>`,
  ),
);
const ublInput: fc.Arbitrary<string | Buffer> = fc.oneof(
  ublMutation,
  ublMutation.map((x) => Buffer.from(x, 'utf8').toString('base64')),
  ublMutation.map((x) => Buffer.from(x, 'utf8')),
  ublMutation.map((x) => Buffer.from(x, 'utf16le')),
  fc.string({ maxLength: 300 }),
  fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)),
  fc.base64String({ maxLength: 300 }),
);

describe('the UBL reader (sandbox/data/ubl.ts parseUbl) under fuzz', () => {
  it('1,000 documents, random and near-miss: never throws, always {ok, invoice} or {ok: false, errors}', () => {
    let accepted = 0;
    fc.assert(
      fc.property(ublInput, (input) => {
        const result = parseUbl(input);
        if (result.ok) {
          accepted++;
          expect(typeof result.invoice.invoiceNumber).toBe('string');
          expect(Number.isFinite(result.invoice.totals.payable)).toBe(true);
        } else {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const e of result.errors) expect(e).toEqual({ field: expect.any(String), message: expect.any(String) });
        }
      }),
      RUNS,
    );
    // The generator does reach the accepting path too (not only refusals).
    expect(accepted).toBeGreaterThan(0);
    expect(parseUbl(good).ok).toBe(true);
  });

  it('refuses an amount too large to be a number (the fuzz found 400 digits read as Infinity)', () => {
    const huge = good.replace(/(<cbc:PayableAmount[^>]*>)[^<]*/, `$1${'9'.repeat(400)}`);
    const result = parseUbl(huge);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toContainEqual({ field: 'totals.payable', message: expect.stringMatching(/too large/) });
  });

  it('refuses DTDs and entity declarations outright (no expansion, no external fetch)', () => {
    const bomb = good.replace('<Invoice', '<!DOCTYPE lolz [<!ENTITY lol "lol">]><Invoice');
    expect(parseUbl(bomb)).toEqual({ ok: false, errors: [{ field: 'xml', message: expect.stringMatching(/DOCTYPE/) }] });
  });
});
