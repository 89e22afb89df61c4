/**
 * The one retry policy for everything sent to Yokoy, and its budget written once.
 *
 * Two loops retry, one inside the other:
 *   - the Yokoy client (lib/yokoy-api/client.ts) repeats one request on 429, 5xx and dropped
 *     connections where repeating is harmless (a POST only on 429 and 503: not processed),
 *     `request.attempts` times at most;
 *   - the export runner (lib/export/runner.ts) tries a job again through the durable queue
 *     after the client gave up (the next try looks the invoice up first when the outcome was
 *     unknown), `job.attempts` times at most; a tag that failed is tried again in its own lane
 *     as many times.
 * So one job sends at most `worstCase.uploadsPerJob` upload POSTs (4 × 8 = 32) and one invoice
 * at most `worstCase.tagsPerInvoice` tag PATCHes (tests/unit/retry-policy.test.ts counts them
 * against a Yokoy that always answers 503).
 *
 * Timing: capped exponential backoff with full jitter (AWS's "Exponential Backoff and Jitter"),
 * and `Retry-After` honoured when a server sends it (seconds or an HTTP date).
 */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export interface RetryPolicy {
  /** Tries in all (the first one included). */
  attempts: number;
  backoff: BackoffPolicy;
}

/** One request, in the client: short waits, the caller is often a person at the popup. */
export const requestRetry: RetryPolicy = { attempts: 4, backoff: { baseMs: 500, capMs: 30_000 } };

/** One export job (and one invoice's tag), in the runner: longer waits, the queue is durable. */
export const jobRetry: RetryPolicy = { attempts: 8, backoff: { baseMs: 1_000, capMs: 60_000 } };

export const worstCase = {
  /** Upload POSTs one job can send: every job attempt's upload retried by the client. */
  uploadsPerJob: jobRetry.attempts * requestRetry.attempts,
  /** Tag PATCHes one invoice can get. */
  tagsPerInvoice: jobRetry.attempts * requestRetry.attempts,
  /** The longest a job waits between its first and last attempt without Retry-After (the sum of the ceilings). */
  jobWaitMs: Array.from({ length: jobRetry.attempts - 1 }, (_, i) => ceiling(i + 1, jobRetry.backoff)).reduce((a, b) => a + b, 0),
};

function ceiling(attempt: number, policy: BackoffPolicy): number {
  return Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
}

/** Delay before retry number `attempt` (1 = first retry). `random` in [0, 1). */
export function fullJitterDelay(attempt: number, random: () => number, policy: BackoffPolicy = requestRetry.backoff): number {
  return Math.floor(random() * ceiling(attempt, policy));
}

/** `Retry-After` as milliseconds from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
