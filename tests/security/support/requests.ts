/**
 * The protocol's requests as test data: one valid example of every request type (the type
 * below makes a missing or misspelt one a compile error), fast-check arbitraries for valid
 * payloads of each type and for payloads of each type that fail the protocol's own schema, and
 * the senders that may not send a given type. Shared by the unit-level and browser-level
 * security tests.
 */
import { banqupAppHosts, yokoyWebHosts } from '../../../lib/sites/hosts';
import fc from 'fast-check';
import { Request, requestPolicy, type RequestType, type SenderKind } from '../../../lib/messaging/protocol';
import type { SenderInfo } from '../../../lib/messaging/sender';

export type RequestOf<K extends RequestType> = Extract<Request, { type: K }>;

const docA = '3f2a9c1e-1111-4222-8333-123456789abc';
const docB = 'deadbeef-0000-4000-8000-000000000001';

export const examples: { [K in RequestType]: RequestOf<K> } = {
  status: { type: 'status' },
  'credentials.get': { type: 'credentials.get' },
  'credentials.save': {
    type: 'credentials.save',
    clientId: 'attacker-client',
    clientSecret: 'attacker-secret',
    organizationId: 'AttackerOrg1',
  },
  'credentials.reveal': { type: 'credentials.reveal' },
  'credentials.verify': { type: 'credentials.verify' },
  'credentials.forget': { type: 'credentials.forget' },
  'credentials.adoptPending': { type: 'credentials.adoptPending', adopt: true },
  'legalEntity.choose': { type: 'legalEntity.choose', legalEntityId: 'le-attacker' },
  'settings.get': { type: 'settings.get' },
  'settings.save': {
    type: 'settings.save',
    settings: {
      environment: 'custom',
      custom: { accountsBase: 'https://evil.example', apiBase: 'https://evil.example', webOrigin: 'https://evil.example' },
      banqupOrigin: 'https://evil.example',
      exportConcurrency: 10,
    },
  },
  'capture.offer': { type: 'capture.offer', clientId: 'attacker-client', clientSecret: 'attacker-secret', organizationId: 'AttackerOrg1' },
  'open.yokoyDeveloperPage': { type: 'open.yokoyDeveloperPage' },
  'guide.context': { type: 'guide.context' },
  'guide.open': { type: 'guide.open' },
  'fill.value': { type: 'fill.value', field: 'clientSecret' },
  'open.exportView': { type: 'open.exportView' },
  'export.enqueue': { type: 'export.enqueue', documentIds: [docA, docB], source: 'button' },
  'export.selection': { type: 'export.selection', documentIds: [docA] },
  'export.preview': { type: 'export.preview', filters: { from: '2024-01-01', supplier: 'Evil' } },
  'export.start': { type: 'export.start', filters: {} },
  'export.pause': { type: 'export.pause' },
  'export.resume': { type: 'export.resume' },
  'export.cancel': { type: 'export.cancel' },
  'export.progress': { type: 'export.progress' },
  'export.history': { type: 'export.history', state: 'failed', limit: 10 },
  'export.retryFailed': { type: 'export.retryFailed' },
  'export.csv': { type: 'export.csv' },
  'import.check': {
    type: 'import.check',
    items: [{ id: `file:${'a'.repeat(64)}`, facts: { number: 'INV-1', currency: 'EUR', total: 1 } }],
    fresh: true,
  },
  'import.start': { type: 'import.start', ids: [`file:${'b'.repeat(64)}`] },
  'import.discard': { type: 'import.discard', dropId: 'drop-abc', ids: [`file:${'c'.repeat(64)}`] },
  'reconcile.start': { type: 'reconcile.start', from: '2026-08-01', to: '2026-09-30', legalEntityId: 'le-attacker' },
  'reconcile.progress': { type: 'reconcile.progress' },
  'reconcile.report': { type: 'reconcile.report', reportId: 'reconcile-abc123' },
  'reconcile.sendMissing': { type: 'reconcile.sendMissing', reportId: 'reconcile-abc123' },
  'reconcile.tagUntagged': { type: 'reconcile.tagUntagged', reportId: 'reconcile-abc123' },
  'reconcile.csv': { type: 'reconcile.csv', reportId: 'reconcile-abc123' },
};

export const requestTypes = Object.keys(examples) as RequestType[];

// ---- valid payloads ------------------------------------------------------------------

const short = fc.string({ maxLength: 60 });
const uuid = fc.uuid();
const day = fc
  .date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const yokoyId = fc.stringMatching(/^[\w-]{1,40}$/);
const filters = fc.record(
  {
    from: day,
    to: day,
    supplier: fc.string({ maxLength: 200 }),
    documentStatus: fc.constantFrom('AWAITING_VALIDATION', 'VALIDATED', 'FULLY_APPROVED', 'REFUSED', 'DISPUTED', 'ANY' as const),
    payStatus: fc.constantFrom('UNPAID', 'PARTIALLY_PAID', 'FULLY_PAID' as const),
  },
  { requiredKeys: [] },
);
const credentialValues = fc.record({ clientId: short, clientSecret: short, organizationId: short }, { requiredKeys: [] });

/** Valid payloads of one type (each also passes `Request`: checked by the tests). */
export function validPayload(type: RequestType): fc.Arbitrary<Request> {
  const base = fc.constant(examples[type] as Request);
  switch (type) {
    case 'credentials.save':
    case 'capture.offer':
      return credentialValues.map((v) => ({ type, ...v }) as Request);
    case 'credentials.adoptPending':
      return fc.boolean().map((adopt) => ({ type, adopt }));
    case 'legalEntity.choose':
      return yokoyId.map((legalEntityId) => ({ type, legalEntityId }));
    case 'settings.save':
      return fc
        .record({
          environment: fc.constantFrom('production', 'test', 'custom' as const),
          custom: fc.record({ accountsBase: fc.webUrl(), apiBase: fc.webUrl(), webOrigin: fc.webUrl() }),
          banqupOrigin: fc.webUrl(),
          exportConcurrency: fc.integer({ min: 1, max: 10 }),
        })
        .map((settings) => ({ type, settings }));
    case 'fill.value':
      return fc.constantFrom('clientId', 'clientSecret', 'organizationId' as const).map((field) => ({ type, field }));
    case 'export.enqueue':
      return fc
        .record({ documentIds: fc.array(uuid, { maxLength: 5 }), source: fc.constantFrom('button', 'selection', 'menu' as const) })
        .map((v) => ({ type, ...v }));
    case 'export.selection':
      return fc.array(uuid, { maxLength: 5 }).map((documentIds) => ({ type, documentIds }));
    case 'export.preview':
    case 'export.start':
      return filters.map((f) => ({ type, filters: f }) as Request);
    case 'export.history':
      return fc
        .record(
          {
            state: fc.constantFrom('queued', 'fetching', 'uploading', 'done', 'duplicate', 'failed', 'cancelled' as const),
            limit: fc.integer({ min: 1, max: 10_000 }),
          },
          { requiredKeys: [] },
        )
        .map((v) => ({ type, ...v }));
    default:
      return base;
  }
}

// ---- payloads that fail the schema ---------------------------------------------------

/** JSON-ish junk, with the shapes that trip parsers: wrong types, huge numbers, deep nesting. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({
    maxDepth: 3,
    withBigInt: false,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withNullPrototype: true,
  }),
  fc.constantFrom(Number.MAX_VALUE, -Number.MAX_VALUE, Number.NaN, Infinity, -0, 2 ** 53 + 1, 1e308, -1, 0, 1.5, 11, 10_001),
  fc.constantFrom('', ' ', '\u0000', '<img src=x onerror=alert(1)>', '../../etc/passwd', 'https://evil.example/', 'x'.repeat(3_000)),
  fc.constantFrom(null, undefined, true, false, [], {}, { __proto__: { polluted: true } }, Object.create(null) as unknown),
);

/**
 * Objects that claim a type but fail its schema: the valid example with one field replaced by
 * junk or removed, extra junk beside it, or the type itself misspelt; filtered by the schema.
 */
export function malformedPayload(type: RequestType): fc.Arbitrary<unknown> {
  const example = examples[type] as Record<string, unknown>;
  const fields = Object.keys(example).filter((k) => k !== 'type');
  const mutated = fields.length
    ? fc.tuple(fc.constantFrom(...fields), junk, fc.boolean()).map(([field, value, remove]) => {
        const copy: Record<string, unknown> = { ...example };
        if (remove) delete copy[field];
        else copy[field] = value;
        return copy;
      })
    : fc.constant(example);
  const retyped = fc
    .oneof(fc.constantFrom(type.toUpperCase(), ` ${type}`, `${type} `, `${type}\u0000`, type.replace('.', '/'), [type], { type }), junk)
    .map((t) => ({ ...example, type: t }));
  const extraNested = fc.dictionary(fc.string({ maxLength: 8 }), junk, { minKeys: 1, maxKeys: 3 }).map((d) => ({ ...d, type }));
  const wrapped = fc.constantFrom({ data: example }, [example], JSON.stringify(example), { message: example });
  return fc.oneof(mutated, retyped, extraNested, wrapped).filter((m) => !Request.safeParse(m).success);
}

// ---- senders -------------------------------------------------------------------------

export const extensionId = 'abcdefghijklmnopabcdefghijklmnop';
export const senderEnv = { extensionId, extensionOrigin: `chrome-extension://${extensionId}/`, sandbox: false };

const tab = fc.record({ id: fc.nat({ max: 10_000 }) });
const path = fc.webPath();

/** A sender of a kind the policy may allow: the extension's own page or a content script on Banqup/Yokoy. */
export function senderOfKind(kind: SenderKind): fc.Arbitrary<SenderInfo> {
  if (kind === 'extension-page')
    return fc
      .constantFrom('popup.html', 'options.html', 'popup.html?view=export')
      .map((p) => ({ id: extensionId, url: `${senderEnv.extensionOrigin}${p}` }));
  // The exact hosts of lib/sites/hosts.ts (issue 12): other subdomains are foreign senders now.
  const hosts = kind === 'banqup-content' ? [...banqupAppHosts] : [...yokoyWebHosts];
  return fc
    .tuple(fc.constantFrom(...hosts), path, tab)
    .map(([host, p, t]) => ({ id: extensionId, url: `https://${host}${p}`, tab: t, frameId: 0 }));
}

const notOurs = /(^|\.)(banqup\.com|yokoy\.ai|yokoy\.io|perk\.com)$/;

/** Senders that are never ours: other extensions, web pages, our content script off the allowed origins, no URL. */
export const foreignSender: fc.Arbitrary<SenderInfo> = fc.oneof(
  // Another extension's page, or its content script on Banqup.
  fc
    .tuple(
      fc.stringMatching(/^[a-p]{32}$/).filter((id) => id !== extensionId),
      fc.boolean(),
    )
    .map(([id, onBanqup]) =>
      onBanqup ? { id, url: 'https://app.banqup.com/purchases', tab: { id: 1 } } : { id, url: `chrome-extension://${id}/popup.html` },
    ),
  // A web page (externally_connectable is not declared, but a sender with no id must fail anyway).
  fc.tuple(fc.webUrl(), fc.option(tab, { nil: undefined })).map(([url, t]) => ({ url, tab: t })),
  // Our content script on a page off the allowed origins (or the allowed hosts over http).
  fc
    .tuple(
      fc.webUrl({ validSchemes: ['http', 'https'] }).filter((u) => !notOurs.test(new URL(u).hostname)),
      tab,
    )
    .map(([url, t]) => ({ id: extensionId, url, tab: t })),
  fc
    .tuple(
      fc.constantFrom(
        'https://banqup.com.evil.example/',
        // Subdomains that are not the app's own (issue 12: exact hosts).
        'https://banqup.com/',
        'https://eu.app.banqup.com/',
        'https://help.banqup.com/',
        'https://yokoy.io/',
        'https://app.yokoy.io/',
        'https://web.yokoy.ai/',
        'https://help.yokoy.ai/',
        'https://api.yokoy.ai/',
        'https://evilbanqup.com/',
        'https://app.banqup.co/',
        'https://app.banqup.com.evil.example/x',
        'https://yokoy.ai.evil.example/',
        'https://notyokoy.ai/',
        'http://app.banqup.com/',
        'http://app.yokoy.ai/',
        'http://banqup.localhost:4000/',
        'http://yokoy.localhost:4001/',
        'https://evil.example/#app.banqup.com',
        'https://evil.example/?u=https://app.banqup.com/',
        'https://app.banqup.com@evil.example/',
        `https://evil.example/chrome-extension://${extensionId}/`,
        `chrome-extension://${extensionId}.evil.example/`,
        'data:text/html,<p>banqup.com</p>',
        'blob:https://evil.example/1',
        'not a url',
        '',
      ),
      tab,
    )
    .map(([url, t]) => ({ id: extensionId, url, tab: t })),
  // Our id with no URL, or our extension's URL claimed by another id.
  fc.constant({ id: extensionId }),
  fc.constant({ id: extensionId, tab: { id: 3 } }),
  fc.constant({ id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: `${senderEnv.extensionOrigin}popup.html` }),
  fc.constant({}),
);

/** Every sender the policy refuses for a type: its disallowed kinds, and all foreign senders. */
export function disallowedSender(type: RequestType): fc.Arbitrary<SenderInfo> {
  const kinds = (['extension-page', 'banqup-content', 'yokoy-content'] as const).filter((k) => !requestPolicy[type].includes(k));
  return kinds.length ? fc.oneof(foreignSender, ...kinds.map(senderOfKind)) : foreignSender;
}

/** Types a Banqup content script may not send (what a hostile Banqup page would try). */
export const forbiddenForBanqup = requestTypes.filter((t) => !requestPolicy[t].includes('banqup-content'));
