/**
 * Fault injection for the Yokoy API emulator (`GET/PUT /__admin/faults`). Applies to
 * `/oauth2/token` and `/v1/…`, never to `/__admin`. Rates draw from a seeded PRNG so a test
 * that sets `seed` sees the same sequence of faults every run.
 *
 * `quirks` are not failures but the description's own contradictions, switchable so the
 * extension can be tested against either reading (see `einvoiceAnswer` and `statusFormat`).
 */

export interface FaultConfig {
  /** Delay before every answer, in ms. */
  latencyMs?: number;
  /** Share (0..1) of requests answered with a 5xx from `errorStatuses` (default 500/502/503). */
  errorRate?: number;
  errorStatuses?: number[];
  /** The next `count` requests answer 429, with `Retry-After` only if `retryAfterSeconds` is set (Yokoy documents none). */
  burst429?: { count: number; retryAfterSeconds?: number };
  /** Tokens die this many seconds after issue, whatever `expires_in` said. */
  expireTokensAfterSeconds?: number;
  /**
   * Share of requests handled (an invoice may now exist) whose connection then dies while the
   * answer is on its way: status and headers sent, the body cut off. The client cannot know
   * the outcome.
   */
  dropRate?: number;
  /**
   * Share of requests handled whose connection is closed before a single byte of the answer.
   * On a reused keep-alive connection a browser's network stack (Chromium's among them) then
   * sends the request again by itself, unseen by the page's code: a POST arrives twice. Kept
   * apart from `dropRate` because no client can prevent it; only an idempotency key could.
   */
  dropBeforeResponseRate?: number;
  /** Share of JSON answers whose body is cut short (handled normally, unreadable answer). */
  malformedJsonRate?: number;
  /** PRNG seed for the rates; without it, a fresh random seed. */
  seed?: number;
  /**
   * Yokoy's "too many concurrent requests": a `/v1` request arriving while this many are being
   * handled answers 429 at once (no Retry-After, as Yokoy documents none).
   */
  concurrencyLimit?: number;
  /** A token bucket per emulator: `perSecond` refill, `burst` capacity; a `/v1` request without a token answers 429 at once. */
  rateLimit?: { perSecond: number; burst: number };
  quirks?: {
    /** `POST …/einvoice` answers `[invoice]` (the description's example) or `invoice` (its schema). Default `array`. */
    einvoiceAnswer?: 'array' | 'object';
    /** Invoice `status` as the schema's code string ("7") or the example's name ("new"). Default `code`. */
    statusFormat?: 'code' | 'name';
  };
}

export interface FaultState {
  config: FaultConfig;
  burstRemaining: number;
  random: () => number;
  /** `/v1` requests being handled now, and the most at once since the config was set (`GET /__admin/stats`). */
  inFlight: number;
  maxInFlight: number;
  uploadsInFlight: number;
  maxUploadsInFlight: number;
  /** Answered 429 by `concurrencyLimit` / `rateLimit`. */
  limited: { concurrency: number; rate: number };
  bucket: { tokens: number; at: number };
}

/** mulberry32: tiny, fast, good enough to spread faults; deterministic for a given seed. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createFaultState(config: FaultConfig = {}): FaultState {
  return {
    config,
    burstRemaining: config.burst429?.count ?? 0,
    random: mulberry32(config.seed ?? Math.floor(Math.random() * 2 ** 32)),
    inFlight: 0,
    maxInFlight: 0,
    uploadsInFlight: 0,
    maxUploadsInFlight: 0,
    limited: { concurrency: 0, rate: 0 },
    bucket: { tokens: config.rateLimit?.burst ?? 0, at: Date.now() },
  };
}

/**
 * A `/v1` request arrives: counts it in flight (call the returned `done` when answered) and
 * says whether the limits refuse it. Refused requests are not counted in flight.
 */
export function admitRequest(state: FaultState, upload: boolean, now = Date.now()): { refused?: 'concurrency' | 'rate'; done: () => void } {
  const { concurrencyLimit, rateLimit } = state.config;
  if (concurrencyLimit !== undefined && state.inFlight >= concurrencyLimit) {
    state.limited.concurrency++;
    return { refused: 'concurrency', done: () => undefined };
  }
  if (rateLimit) {
    const b = state.bucket;
    b.tokens = Math.min(rateLimit.burst, b.tokens + ((now - b.at) / 1000) * rateLimit.perSecond);
    b.at = now;
    if (b.tokens < 1) {
      state.limited.rate++;
      return { refused: 'rate', done: () => undefined };
    }
    b.tokens -= 1;
  }
  state.inFlight++;
  state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
  if (upload) {
    state.uploadsInFlight++;
    state.maxUploadsInFlight = Math.max(state.maxUploadsInFlight, state.uploadsInFlight);
  }
  let finished = false;
  return {
    done: () => {
      if (finished) return;
      finished = true;
      state.inFlight--;
      if (upload) state.uploadsInFlight--;
    },
  };
}

/** Checks a `PUT /__admin/faults` body; returns the config or a list of problems. */
export function parseFaultConfig(input: unknown): { ok: true; config: FaultConfig } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, errors: ['body must be a JSON object'] };
  const o = input as Record<string, unknown>;
  const known = [
    'latencyMs',
    'errorRate',
    'errorStatuses',
    'burst429',
    'expireTokensAfterSeconds',
    'dropRate',
    'dropBeforeResponseRate',
    'malformedJsonRate',
    'seed',
    'quirks',
    'concurrencyLimit',
    'rateLimit',
  ];
  for (const key of Object.keys(o)) if (!known.includes(key)) errors.push(`unknown fault "${key}"`);
  const num = (key: string, min: number, max = Infinity) => {
    const v = o[key];
    if (v === undefined || v === null) return;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) errors.push(`${key} must be a number in [${min}, ${max}]`);
  };
  num('latencyMs', 0, 120_000);
  if (o.concurrencyLimit !== undefined && !(Number.isInteger(o.concurrencyLimit) && (o.concurrencyLimit as number) >= 1))
    errors.push('concurrencyLimit must be a positive integer');
  if (o.rateLimit !== undefined) {
    const r = o.rateLimit as Record<string, unknown> | null;
    if (
      typeof r !== 'object' ||
      r === null ||
      !(typeof r.perSecond === 'number' && r.perSecond > 0) ||
      !(typeof r.burst === 'number' && r.burst >= 1)
    )
      errors.push('rateLimit needs perSecond > 0 and burst ≥ 1');
  }
  num('errorRate', 0, 1);
  num('dropRate', 0, 1);
  num('dropBeforeResponseRate', 0, 1);
  num('malformedJsonRate', 0, 1);
  num('expireTokensAfterSeconds', 0);
  num('seed', -(2 ** 53), 2 ** 53);
  if (
    o.errorStatuses !== undefined &&
    !(
      Array.isArray(o.errorStatuses) &&
      o.errorStatuses.length > 0 &&
      o.errorStatuses.every((s) => Number.isInteger(s) && s >= 400 && s <= 599)
    )
  )
    errors.push('errorStatuses must be a non-empty array of HTTP status codes');
  if (o.burst429 !== undefined) {
    const b = o.burst429 as Record<string, unknown> | null;
    if (typeof b !== 'object' || b === null || !Number.isInteger(b.count) || (b.count as number) < 0)
      errors.push('burst429.count must be a non-negative integer');
    else if (b.retryAfterSeconds !== undefined && !(typeof b.retryAfterSeconds === 'number' && b.retryAfterSeconds >= 0))
      errors.push('burst429.retryAfterSeconds must be a non-negative number');
  }
  if (o.quirks !== undefined) {
    const q = o.quirks as Record<string, unknown> | null;
    if (typeof q !== 'object' || q === null) errors.push('quirks must be an object');
    else {
      if (q.einvoiceAnswer !== undefined && q.einvoiceAnswer !== 'array' && q.einvoiceAnswer !== 'object')
        errors.push('quirks.einvoiceAnswer must be "array" or "object"');
      if (q.statusFormat !== undefined && q.statusFormat !== 'code' && q.statusFormat !== 'name')
        errors.push('quirks.statusFormat must be "code" or "name"');
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, config: o as FaultConfig };
}

/** What the fault layer decided for one request, drawn before the request is handled. */
export interface FaultDecision {
  latencyMs: number;
  /** Answer this instead of handling the request. */
  reject?: { status: number; headers: Record<string, string>; label: string };
  /** `mid-answer`: headers sent, body cut; `before-answer`: closed before any byte. */
  drop: false | 'mid-answer' | 'before-answer';
  malformedJson: boolean;
}

/**
 * Draws the faults for one request. The PRNG is drawn a fixed number of times per request, so
 * a seeded run is reproducible regardless of which fault fires.
 */
export function decideFaults(state: FaultState): FaultDecision {
  const c = state.config;
  const rError = state.random();
  const rStatus = state.random();
  const rDrop = state.random();
  const rMalformed = state.random();
  const decision: FaultDecision = { latencyMs: c.latencyMs ?? 0, drop: false, malformedJson: false };
  if (state.burstRemaining > 0) {
    state.burstRemaining -= 1;
    const headers: Record<string, string> = {};
    if (c.burst429?.retryAfterSeconds !== undefined) headers['retry-after'] = String(Math.ceil(c.burst429.retryAfterSeconds));
    decision.reject = { status: 429, headers, label: 'burst429' };
    return decision;
  }
  if (c.errorRate && rError < c.errorRate) {
    const statuses = c.errorStatuses ?? [500, 502, 503];
    const status = statuses[Math.floor(rStatus * statuses.length)] ?? 500;
    decision.reject = { status, headers: {}, label: `error${status}` };
    return decision;
  }
  // One draw for both drop kinds keeps a seeded run's sequence the same as before.
  if (c.dropRate && rDrop < c.dropRate) decision.drop = 'mid-answer';
  else if (c.dropBeforeResponseRate && rDrop < (c.dropRate ?? 0) + c.dropBeforeResponseRate) decision.drop = 'before-answer';
  decision.malformedJson = !!c.malformedJsonRate && rMalformed < c.malformedJsonRate;
  return decision;
}
