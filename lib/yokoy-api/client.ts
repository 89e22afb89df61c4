/**
 * The one Yokoy client (used only by the service worker): client-credentials token (Basic auth,
 * form body) cached until shortly before it expires, `X-Yk-Auth-Method: yokoy` and a
 * correlation id on every call, one token refresh on a 401, backoff with full jitter on 429 and
 * 5xx, and every failure turned into a typed result. Its environment (fetch, clock, sleep,
 * randomness, where the credentials come from) is passed in, so tests drive it with fakes.
 */
import type * as z from 'zod/mini';
import { fullJitterDelay, parseRetryAfter, requestRetry, type BackoffPolicy } from './retry-policy';
import { organizationUrl, tokenUrl, type YokoyEndpoints } from '../sites/yokoy/environments';
import { failed, succeeded } from '../failures/result';
import type { YokoyFailure, YokoyResult } from './errors';
import { ErrorBody, LegalEntitiesAnswer, summarizeLegalEntity, TokenAnswer, type LegalEntitySummary } from './schemas';
import { expiryFor, memoryTokenStore, type TokenStore } from './token-cache';

export interface Credentials {
  clientId: string;
  clientSecret: string;
  organizationId: string;
}

export interface YokoyClientEnv {
  fetch: typeof fetch;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  /** Undefined while no Yokoy address is configured. */
  endpoints: () => YokoyEndpoints | undefined | Promise<YokoyEndpoints | undefined>;
  credentials: () => Promise<Credentials | undefined>;
  /**
   * The credentials without the secret (cheap, cached by the caller). When given, the secret
   * is asked for (decrypted) only when a token must actually be fetched.
   */
  identity?: () => Promise<Pick<Credentials, 'clientId' | 'organizationId'> | undefined>;
  tokens?: TokenStore;
  correlationId?: () => string;
  /** Attempts for a retryable failure (429, 5xx, network) before giving up: `requestRetry` (retry-policy.ts) unless a test says. */
  maxAttempts?: number;
  backoff?: BackoffPolicy;
}

export interface RequestOptions<T> {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT';
  /** Path below `/v1/organizations/{id}`, e.g. `/legal-entities`. */
  path: string;
  query?: Record<string, string | number | undefined>;
  json?: unknown;
  form?: FormData;
  /** A body already encoded, with its content type (e.g. a prebuilt multipart body). */
  raw?: { body: Uint8Array; contentType: string };
  schema?: z.ZodMiniType<T>;
  /**
   * Whether repeating the request is harmless. Creating an invoice is not: after a dropped
   * connection or a 500 its outcome is unknown, and the caller must look before sending again.
   */
  idempotent?: boolean;
  /**
   * Fetch priority. Over HTTP/1.1 Chromium opens at most 6 connections per host and hands a
   * freed one to the highest-priority waiting request: bookkeeping (tags) marked 'low' then
   * never holds an upload back. Harmless over HTTP/2.
   */
  priority?: RequestPriority;
  signal?: AbortSignal;
}

export interface YokoyAnswer<T> {
  status: number;
  body: T;
  headers: Headers;
}

const missingCredentials: YokoyFailure = { kind: 'invalid-client', detail: 'No credentials are stored yet.' };
const notConfigured: YokoyFailure = { kind: 'not-configured' };

/** The body was cut off in transit (as opposed to complete but unreadable). */
class BodyCut extends Error {}

async function readJson(response: Response): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch {
    throw new BodyCut();
  }
  if (!text) return undefined;
  return JSON.parse(text);
}

function basicAuth(clientId: string, clientSecret: string): string {
  // Yokoy's description: ID and secret as Basic user and password, as they are (its example
  // encodes `ClientId:ClientSecret` with no form-encoding). UTF-8 bytes, since btoa takes latin1.
  const bytes = new TextEncoder().encode(`${clientId}:${clientSecret}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

export function createYokoyClient(env: YokoyClientEnv) {
  const tokens = env.tokens ?? memoryTokenStore();
  const maxAttempts = env.maxAttempts ?? requestRetry.attempts;
  const backoff = env.backoff ?? requestRetry.backoff;
  const correlationId = env.correlationId ?? (() => crypto.randomUUID());
  const tokenKey = (e: YokoyEndpoints, c: Credentials) => `${e.accountsBase}|${c.clientId}`;

  /** Runs `attempt` until it succeeds, fails for good, or the attempts run out. */
  async function withRetries<T>(attempt: () => Promise<{ result: YokoyResult<T>; retryable: boolean }>): Promise<YokoyResult<T>> {
    for (let n = 1; ; n++) {
      const { result, retryable } = await attempt();
      if (result.ok || !retryable || n >= maxAttempts) return result;
      const delay = result.failure.retryAfterMs ?? fullJitterDelay(n, env.random, backoff);
      await env.sleep(Math.min(delay, backoff.capMs));
    }
  }

  async function fetchToken(endpoints: YokoyEndpoints, credentials: Credentials): Promise<YokoyResult<string>> {
    return withRetries(async () => {
      let response: Response;
      try {
        response = await env.fetch(tokenUrl(endpoints), {
          method: 'POST',
          headers: {
            Authorization: basicAuth(credentials.clientId, credentials.clientSecret),
            'Content-Type': 'application/x-www-form-urlencoded',
            Accept: 'application/json',
          },
          body: 'grant_type=client_credentials',
        });
      } catch {
        return { result: failed({ kind: 'network' }), retryable: true };
      }
      let body: unknown;
      try {
        body = await readJson(response);
      } catch (error) {
        if (error instanceof BodyCut) return { result: failed({ kind: 'network', status: response.status }), retryable: true };
        const retryable = response.status >= 500;
        return { result: failed({ kind: retryable ? 'server' : 'malformed-answer', status: response.status }), retryable };
      }
      if (response.ok) {
        const parsed = TokenAnswer.safeParse(body);
        if (!parsed.success) return { result: failed({ kind: 'malformed-answer', status: response.status }), retryable: false };
        await tokens.set(tokenKey(endpoints, credentials), {
          accessToken: parsed.data.access_token,
          expiresAt: expiryFor(env.now(), parsed.data.expires_in),
        });
        return { result: succeeded(parsed.data.access_token), retryable: false };
      }
      const failure = describeFailure(response, body);
      // The token endpoint speaks OAuth: a bad client is 400 or 401 with `invalid_client`.
      const error = ErrorBody.safeParse(body);
      const oauthError = error.success ? error.data.error : undefined;
      if (response.status === 401 || oauthError === 'invalid_client' || oauthError === 'unauthorized_client') {
        return { result: failed({ ...failure, kind: 'invalid-client' }), retryable: false };
      }
      if (response.status === 403) return { result: failed({ ...failure, kind: 'missing-permission' }), retryable: false };
      return { result: failed(failure), retryable: failure.kind === 'rate-limited' || failure.kind === 'server' };
    });
  }

  function describeFailure(response: Response, body: unknown): YokoyFailure {
    const error = ErrorBody.safeParse(body);
    const detail = error.success ? (error.data.message ?? error.data.error_description ?? error.data.error) : undefined;
    const status = response.status;
    const base = { status, detail, retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), env.now()) };
    if (status === 429) return { ...base, kind: 'rate-limited' };
    if (status >= 500) return { ...base, kind: 'server' };
    if (status === 401) return { ...base, kind: 'unauthorized' };
    if (status === 403) return { ...base, kind: 'missing-permission' };
    if (status === 404) return { ...base, kind: 'not-found' };
    if (status === 409) return { ...base, kind: 'conflict' };
    return { ...base, kind: 'validation', fieldErrors: error.success ? error.data.errors : undefined };
  }

  const identity = env.identity ?? env.credentials;

  /**
   * Token requests in flight, per client: concurrent requests that find the token missing or
   * expired share one token request (six uploads starting together made six, in the same ms).
   */
  const inFlight = new Map<string, Promise<YokoyResult<string>>>();

  /**
   * A valid token. `stale` is a token Yokoy just refused (401): it is dropped, unless another
   * request has already replaced it, in which case the replacement is used.
   */
  async function token(options: { fresh?: boolean; stale?: string } = {}): Promise<YokoyResult<string>> {
    const who = await identity();
    if (!who) return failed(missingCredentials);
    const endpoints = await env.endpoints();
    if (!endpoints) return failed(notConfigured);
    const key = tokenKey(endpoints, who as Credentials);
    const pending = inFlight.get(key);
    if (pending) return pending;
    const cached = await tokens.get(key);
    const refused = options.fresh && (options.stale === undefined || cached?.accessToken === options.stale);
    if (!refused && cached && cached.expiresAt > env.now()) return succeeded(cached.accessToken);
    // Checked again: another request may have started a token request while we read the cache.
    const started = inFlight.get(key);
    if (started) return started;
    const request = (async (): Promise<YokoyResult<string>> => {
      if (refused) await tokens.delete(key);
      const credentials = await env.credentials();
      if (!credentials) return failed(missingCredentials);
      return fetchToken(endpoints, credentials);
    })().finally(() => inFlight.delete(key));
    inFlight.set(key, request);
    return request;
  }

  async function request<T>(options: RequestOptions<T>): Promise<YokoyResult<YokoyAnswer<T>>> {
    const credentials = await identity();
    if (!credentials) return failed(missingCredentials);
    const endpoints = await env.endpoints();
    if (!endpoints) return failed(notConfigured);
    const method = options.method ?? 'GET';
    const idempotent = options.idempotent ?? method !== 'POST';
    const url = new URL(organizationUrl(endpoints, credentials.organizationId) + options.path);
    for (const [k, v] of Object.entries(options.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    let refreshed = false;

    return withRetries(async () => {
      const bearer = await token();
      if (!bearer.ok) return { result: bearer, retryable: false };
      const headers: Record<string, string> = {
        Authorization: `Bearer ${bearer.value}`,
        'X-Yk-Auth-Method': 'yokoy',
        'X-Yk-Correlation-Id': correlationId(),
        Accept: 'application/json',
      };
      let body: BodyInit | undefined;
      if (options.json !== undefined) {
        headers['Content-Type'] = 'application/json';
        body = JSON.stringify(options.json);
      } else if (options.raw) {
        headers['Content-Type'] = options.raw.contentType;
        body = options.raw.body as Uint8Array<ArrayBuffer>;
      } else if (options.form) {
        body = options.form;
      }
      let response: Response;
      try {
        response = await env.fetch(url, {
          method,
          headers,
          body,
          signal: options.signal,
          ...(options.priority ? { priority: options.priority } : {}),
        });
      } catch (error) {
        if (options.signal?.aborted) throw error;
        return { result: failed({ kind: 'network', outcomeUnknown: !idempotent }), retryable: idempotent };
      }
      let parsedBody: unknown;
      try {
        parsedBody = await readJson(response);
      } catch (error) {
        if (error instanceof BodyCut) {
          // The answer was cut off: for a POST, whatever it did may have happened.
          return { result: failed({ kind: 'network', status: response.status, outcomeUnknown: !idempotent }), retryable: idempotent };
        }
        const server = response.status >= 500;
        const failure: YokoyFailure = {
          kind: server ? 'server' : 'malformed-answer',
          status: response.status,
          outcomeUnknown: !idempotent && (response.ok || server),
        };
        return { result: failed(failure), retryable: idempotent && server };
      }
      if (response.status === 401 && !refreshed) {
        // The token died early (revoked, clock skew): fetch one new token, once.
        refreshed = true;
        const fresh = await token({ fresh: true, stale: bearer.value });
        if (!fresh.ok) return { result: fresh, retryable: false };
        return { result: failed({ kind: 'unauthorized', status: 401 }), retryable: true };
      }
      if (!response.ok) {
        const failure = describeFailure(response, parsedBody);
        // 429 means "not processed": safe to repeat even a POST. A 5xx on a POST may have
        // created something, so its outcome is unknown and the caller decides.
        if (failure.kind === 'rate-limited') return { result: failed(failure), retryable: true };
        if (failure.kind === 'server') {
          return {
            result: failed({ ...failure, outcomeUnknown: !idempotent && response.status !== 503 }),
            retryable: idempotent || response.status === 503,
          };
        }
        return { result: failed(failure), retryable: false };
      }
      if (!options.schema)
        return { result: succeeded({ status: response.status, body: parsedBody as T, headers: response.headers }), retryable: false };
      const parsed = options.schema.safeParse(parsedBody);
      if (!parsed.success) {
        return { result: failed({ kind: 'malformed-answer', status: response.status, outcomeUnknown: !idempotent }), retryable: false };
      }
      return { result: succeeded({ status: response.status, body: parsed.data, headers: response.headers }), retryable: false };
    });
  }

  async function listLegalEntities(): Promise<YokoyResult<LegalEntitySummary[]>> {
    const answer = await request({ path: '/legal-entities', schema: LegalEntitiesAnswer });
    if (!answer.ok) return answer;
    return succeeded(answer.value.body.legalEntities.map(summarizeLegalEntity));
  }

  return { token, request, listLegalEntities };
}

export type YokoyClient = ReturnType<typeof createYokoyClient>;
