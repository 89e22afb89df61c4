import { describe, expect, it } from 'vitest';
import { createYokoyClient, type Credentials } from '../../lib/yokoy-api/client';
import { fullJitterDelay, parseRetryAfter } from '../../lib/yokoy-api/retry-policy';
import { verifyConnection } from '../../lib/yokoy-api/verify';

const endpoints = { accountsBase: 'https://accounts.test', apiBase: 'https://api.test', webOrigin: 'https://app.test' };
const credentials: Credentials = { clientId: 'client-1', clientSecret: 's3cr3t:with/odd+chars', organizationId: 'AbcDeF1234' };

type Reply = { status: number; body?: unknown; headers?: Record<string, string>; raw?: string } | 'network-error';

/**
 * A scripted stand-in for Yokoy over fetch: records every request, answers the token endpoint
 * and the API from queues (falling back to success), and expires tokens by a fake clock.
 */
function fakeYokoy() {
  let clock = 1_000_000;
  const requests: { url: string; method: string; headers: Record<string, string>; body?: string }[] = [];
  const tokenReplies: Reply[] = [];
  const apiReplies: Reply[] = [];
  let issued = 0;
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const headers = Object.fromEntries(
      Object.entries((init.headers as Record<string, string>) ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
    );
    requests.push({ url, method: init.method ?? 'GET', headers, body: typeof init.body === 'string' ? init.body : undefined });
    const queue = url.endsWith('/oauth2/token') ? tokenReplies : apiReplies;
    const reply =
      queue.shift() ??
      (url.endsWith('/oauth2/token')
        ? { status: 200, body: { access_token: `token-${++issued}`, expires_in: 3600, token_type: 'Bearer' } }
        : {
            status: 200,
            body: { legalEntities: [{ id: 'aB9jQoE3HE', name: 'Acme BE', code: '11', language: 'xx', extra: { nested: true } }] },
          });
    if (reply === 'network-error') throw new TypeError('Failed to fetch');
    return new Response(reply.raw ?? (reply.body === undefined ? null : JSON.stringify(reply.body)), {
      status: reply.status,
      headers: { 'content-type': 'application/json', ...reply.headers },
    });
  };
  const sleeps: number[] = [];
  const client = createYokoyClient({
    fetch: fetch as typeof globalThis.fetch,
    now: () => clock,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    random: () => 0.5,
    endpoints: () => endpoints,
    credentials: async () => credentials,
    correlationId: () => 'corr-1',
  });
  return {
    client,
    requests,
    tokenReplies,
    apiReplies,
    sleeps,
    advance: (ms: number) => (clock += ms),
    tokenRequests: () => requests.filter((r) => r.url.endsWith('/oauth2/token')),
    apiRequests: () => requests.filter((r) => !r.url.endsWith('/oauth2/token')),
  };
}

describe('Yokoy client: token', () => {
  it('asks for a token exactly as the description says', async () => {
    const y = fakeYokoy();
    expect(await y.client.token()).toEqual({ ok: true, value: 'token-1' });
    const [request] = y.tokenRequests();
    expect(request!.url).toBe('https://accounts.test/oauth2/token');
    expect(request!.method).toBe('POST');
    expect(request!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request!.body).toBe('grant_type=client_credentials');
    const decoded = atob(request!.headers.authorization!.replace(/^Basic /, ''));
    expect(decoded).toBe('client-1:s3cr3t:with/odd+chars');
  });

  it('caches the token until shortly before expires_in', async () => {
    const y = fakeYokoy();
    await y.client.listLegalEntities();
    await y.client.listLegalEntities();
    expect(y.tokenRequests()).toHaveLength(1);
    y.advance(3000 * 1000); // 50 min of 60: still inside the margin
    await y.client.listLegalEntities();
    expect(y.tokenRequests()).toHaveLength(1);
    y.advance(6 * 60 * 1000); // 56 min: within the last 10%, refresh
    await y.client.listLegalEntities();
    expect(y.tokenRequests()).toHaveLength(2);
    expect(y.apiRequests().at(-1)!.headers.authorization).toBe('Bearer token-2');
  });

  it('reads expires_in sent as a string (the live API is lenient)', async () => {
    const y = fakeYokoy();
    y.tokenReplies.push({ status: 200, body: { access_token: 'abc', expires_in: '60', token_type: 'bearer' } });
    expect(await y.client.token()).toEqual({ ok: true, value: 'abc' });
    y.advance(31_000);
    await y.client.token();
    expect(y.tokenRequests()).toHaveLength(2);
  });

  it.each([
    [{ status: 401, body: { error: 'invalid_client' } }, 'invalid-client'],
    [{ status: 400, body: { error: 'invalid_client', error_description: 'Bad client credentials' } }, 'invalid-client'],
    [{ status: 400, body: { error: 'unsupported_grant_type' } }, 'validation'],
    [{ status: 403, body: { code: 403, message: 'Forbidden' } }, 'missing-permission'],
    [{ status: 200, body: { token: 'no access_token field' } }, 'malformed-answer'],
    [{ status: 200, raw: '<html>proxy login</html>' }, 'malformed-answer'],
  ] as const)('maps a token answer %j to %s', async (reply, kind) => {
    const y = fakeYokoy();
    y.tokenReplies.push(reply);
    const result = await y.client.token();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.failure.kind).toBe(kind);
  });
});

describe('Yokoy client: one token request at a time', () => {
  it('six requests that find no token share one token request', async () => {
    const y = fakeYokoy();
    const answers = await Promise.all(Array.from({ length: 6 }, () => y.client.listLegalEntities()));
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(y.tokenRequests()).toHaveLength(1);
    expect(new Set(y.apiRequests().map((r) => r.headers.authorization))).toEqual(new Set(['Bearer token-1']));
  });

  it('six requests that find the token expired share one refresh', async () => {
    const y = fakeYokoy();
    await y.client.listLegalEntities();
    y.advance(3600 * 1000);
    await Promise.all(Array.from({ length: 6 }, () => y.client.listLegalEntities()));
    expect(y.tokenRequests()).toHaveLength(2);
  });

  it('six requests refused with 401 at once share one fresh token', async () => {
    const y = fakeYokoy();
    await y.client.listLegalEntities();
    for (let i = 0; i < 6; i++) y.apiReplies.push({ status: 401, body: { code: 401, message: 'Unauthorized' } });
    const answers = await Promise.all(Array.from({ length: 6 }, () => y.client.listLegalEntities()));
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(y.tokenRequests()).toHaveLength(2);
    expect(
      y
        .apiRequests()
        .slice(-6)
        .map((r) => r.headers.authorization),
    ).toEqual(Array(6).fill('Bearer token-2'));
  });
});

describe('Yokoy client: requests', () => {
  it('sends X-Yk-Auth-Method, the bearer and a correlation id to the organization path', async () => {
    const y = fakeYokoy();
    const result = await y.client.listLegalEntities();
    expect(result).toEqual({ ok: true, value: [{ id: 'aB9jQoE3HE', name: 'Acme BE', code: '11' }] });
    const [request] = y.apiRequests();
    expect(request!.url).toBe('https://api.test/v1/organizations/AbcDeF1234/legal-entities');
    expect(request!.headers['x-yk-auth-method']).toBe('yokoy');
    expect(request!.headers['x-yk-correlation-id']).toBe('corr-1');
    expect(request!.headers.authorization).toBe('Bearer token-1');
  });

  it('refreshes the token once on a 401, then succeeds', async () => {
    const y = fakeYokoy();
    y.apiReplies.push({ status: 401, body: { code: 401, message: 'Unauthorized' } });
    const result = await y.client.listLegalEntities();
    expect(result.ok).toBe(true);
    expect(y.tokenRequests()).toHaveLength(2);
    expect(y.apiRequests().map((r) => r.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('refreshes only once: a second 401 is a typed failure', async () => {
    const y = fakeYokoy();
    y.apiReplies.push(
      { status: 401, body: { code: 401, message: 'Unauthorized' } },
      { status: 401, body: { code: 401, message: 'Unauthorized' } },
    );
    const result = await y.client.listLegalEntities();
    expect(result).toMatchObject({ ok: false, failure: { kind: 'unauthorized' } });
    expect(y.tokenRequests()).toHaveLength(2);
  });

  it('retries 429 and 5xx with backoff, honouring Retry-After', async () => {
    const y = fakeYokoy();
    y.apiReplies.push(
      { status: 429, body: { code: 429, message: 'Too many concurrent requests' }, headers: { 'retry-after': '2' } },
      { status: 503, body: { code: 503, message: 'Unavailable' } },
    );
    const result = await y.client.listLegalEntities();
    expect(result.ok).toBe(true);
    expect(y.sleeps).toEqual([2000, fullJitterDelay(2, () => 0.5)]);
  });

  it('gives up after the attempts with a rate-limited failure', async () => {
    const y = fakeYokoy();
    for (let i = 0; i < 4; i++) y.apiReplies.push({ status: 429, body: { code: 429, message: 'Too many concurrent requests' } });
    expect(await y.client.listLegalEntities()).toMatchObject({ ok: false, failure: { kind: 'rate-limited', status: 429 } });
    expect(y.apiRequests()).toHaveLength(4);
  });

  it('does not repeat a POST whose outcome is unknown, and says so', async () => {
    const y = fakeYokoy();
    y.apiReplies.push('network-error');
    const result = await y.client.request({ method: 'POST', path: '/legal-entities/x/invoices', json: {} });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'network', outcomeUnknown: true } });
    expect(y.apiRequests()).toHaveLength(1);
  });

  it('repeats a POST after a 429 (not processed)', async () => {
    const y = fakeYokoy();
    y.apiReplies.push({ status: 429, body: { code: 429, message: 'busy' } }, { status: 201, body: { id: 'inv-1' } });
    const result = await y.client.request({ method: 'POST', path: '/legal-entities/x/invoices', json: {} });
    expect(result).toMatchObject({ ok: true, value: { status: 201, body: { id: 'inv-1' } } });
  });

  it('turns a network failure on a GET into a retried, then typed, failure', async () => {
    const y = fakeYokoy();
    for (let i = 0; i < 4; i++) y.apiReplies.push('network-error');
    expect(await y.client.listLegalEntities()).toMatchObject({ ok: false, failure: { kind: 'network' } });
    expect(y.apiRequests()).toHaveLength(4);
  });

  it('keeps Yokoy’s message and field errors of a 400', async () => {
    const y = fakeYokoy();
    y.apiReplies.push({
      status: 400,
      body: { code: 400, message: 'Invalid request', errors: [{ field: 'invoiceNumber', message: 'required' }] },
    });
    expect(await y.client.listLegalEntities()).toMatchObject({
      ok: false,
      failure: {
        kind: 'validation',
        status: 400,
        detail: 'Invalid request',
        fieldErrors: [{ field: 'invoiceNumber', message: 'required' }],
      },
    });
  });

  it('refuses a malformed answer instead of passing it on', async () => {
    const y = fakeYokoy();
    y.apiReplies.push({ status: 200, body: { legalEntities: [{ id: 'bad id with spaces' }] } });
    expect(await y.client.listLegalEntities()).toMatchObject({ ok: false, failure: { kind: 'malformed-answer' } });
  });
});

describe('verifyConnection', () => {
  it('calls a 403 on the organization a mismatch of organization ID', async () => {
    const y = fakeYokoy();
    y.apiReplies.push({ status: 403, body: { code: 403, message: 'User not authorized to access organization' } });
    expect(await verifyConnection(y.client)).toMatchObject({ ok: false, failure: { kind: 'organization-mismatch' } });
  });

  it('always asks for a fresh token (a cached one proves nothing about new credentials)', async () => {
    const y = fakeYokoy();
    await y.client.token();
    await verifyConnection(y.client);
    expect(y.tokenRequests()).toHaveLength(2);
  });
});

describe('backoff', () => {
  it('grows exponentially under a cap, with full jitter', () => {
    expect(fullJitterDelay(1, () => 0.999)).toBeLessThan(500);
    expect(fullJitterDelay(3, () => 0.999)).toBeLessThan(2000);
    expect(fullJitterDelay(3, () => 0.999)).toBeGreaterThan(1900);
    expect(fullJitterDelay(30, () => 0.999)).toBeLessThan(30_000);
    expect(fullJitterDelay(5, () => 0)).toBe(0);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-29T10:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('Sun, 29 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sun, 29 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
