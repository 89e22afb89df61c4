/**
 * The emulator's request log (`GET /__admin/log`). Secrets never reach it: `Authorization`
 * values become `Basic <redacted>` / `Bearer <redacted>`, and every known client secret or
 * access token is replaced by `<redacted>` wherever it appears (path, headers, body). For
 * the security tests, each entry also says whether the raw request carried a client secret
 * (`carriesClientSecret`), checked before redaction on the raw headers, URL and body, plain,
 * URL-encoded and inside Basic credentials: only token requests should.
 */
import type { IncomingMessage } from 'node:http';
import type { YokoyStore } from './store';

export interface LogEntry {
  seq: number;
  time: string;
  method: string;
  /** Path and query, secrets redacted. */
  path: string;
  headers: Record<string, string>;
  /** Small text bodies (form, JSON), secrets redacted; larger or binary ones summarized. */
  body?: string;
  /** HTTP status answered; `null` when the connection was dropped instead. */
  status: number | null;
  durationMs: number;
  /** The fault injected, if any: `latency`, `burst429`, `error503`, `drop`, `malformedJson`. */
  faults: string[];
  carriesClientSecret: boolean;
  correlationId?: string;
}

const REDACTED = '<redacted>';
const bodyPreviewLimit = 4096;

function secretsOf(store: YokoyStore): string[] {
  return [...store.clients.values()].map((c) => c.clientSecret).filter((s) => s.length >= 4);
}

function tokensOf(store: YokoyStore): string[] {
  return [...store.tokens.keys()];
}

const isMultipart = (req: IncomingMessage) => /^multipart\//i.test(req.headers['content-type'] ?? '');

/** Every reading of the request a secret could hide in (a multipart body is searched as bytes, below). */
function rawViews(req: IncomingMessage, body: Buffer): string[] {
  const views = [req.url ?? ''];
  if (!isMultipart(req)) views.push(body.toString('latin1'));
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const value = req.rawHeaders[i + 1] ?? '';
    views.push(value);
    const basic = /^\s*Basic\s+(\S+)/i.exec(value);
    if (basic) views.push(Buffer.from(basic[1] ?? '', 'base64').toString('utf8'));
  }
  return views.flatMap((v) => {
    try {
      return [v, decodeURIComponent(v.replace(/\+/g, ' '))];
    } catch {
      return [v];
    }
  });
}

export function carriesClientSecret(store: YokoyStore, req: IncomingMessage, body: Buffer): boolean {
  const secrets = secretsOf(store);
  const encoded = secrets.flatMap((s) => [encodeURIComponent(s), Buffer.from(s).toString('base64')]);
  if (rawViews(req, body).some((view) => secrets.some((s) => view.includes(s)) || encoded.some((s) => view.includes(s)))) return true;
  // An upload's parts (~250 KB of XML and PDF) are searched in place, plain, URL-encoded and
  // base64: copying each into strings and URL-decoding them cost ~2 ms of the emulator's CPU
  // per upload, on the cores the browser under test runs on.
  return isMultipart(req) && [...secrets, ...encoded].some((s) => body.includes(s, 0, 'latin1'));
}

function scrub(store: YokoyStore, text: string): string {
  let out = text;
  for (const secret of [...secretsOf(store), ...tokensOf(store)]) {
    for (const form of [secret, encodeURIComponent(secret)]) out = out.split(form).join(REDACTED);
  }
  return out;
}

function redactHeaders(store: YokoyStore, req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    const text = Array.isArray(value) ? value.join(', ') : (value ?? '');
    if (name === 'authorization' || name === 'proxy-authorization') {
      const scheme = /^\s*(\S+)/.exec(text)?.[1];
      out[name] = scheme ? `${scheme} ${REDACTED}` : REDACTED;
    } else if (name === 'cookie') out[name] = REDACTED;
    else out[name] = scrub(store, text);
  }
  return out;
}

function bodyPreview(store: YokoyStore, req: IncomingMessage, body: Buffer): string | undefined {
  if (body.length === 0) return undefined;
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('application/x-www-form-urlencoded')) {
    // Field-wise, so a secret we do not know (a wrong one) is still hidden.
    const form = new URLSearchParams(body.toString('utf8'));
    for (const key of [...form.keys()]) if (/secret|password|token|assertion/i.test(key)) form.set(key, REDACTED);
    return scrub(store, form.toString().replace(/%3Credacted%3E/gi, REDACTED));
  }
  if (/json|text|xml/.test(type) && body.length <= bodyPreviewLimit) return scrub(store, body.toString('utf8'));
  return `<${type.split(';')[0] || 'body'}, ${body.length} bytes>`;
}

export interface PendingEntry {
  finish(status: number | null, faults: string[]): void;
}

/** Starts an entry when the request was read; `finish` files it once the answer is decided. */
export function startEntry(store: YokoyStore, req: IncomingMessage, body: Buffer, startedAt: number): PendingEntry {
  const correlation = req.headers['x-yk-correlation-id'];
  const base = {
    time: new Date(startedAt).toISOString(),
    method: req.method ?? 'GET',
    path: scrub(store, req.url ?? '/'),
    headers: redactHeaders(store, req),
    body: bodyPreview(store, req, body),
    carriesClientSecret: carriesClientSecret(store, req, body),
    ...(typeof correlation === 'string' ? { correlationId: correlation } : {}),
  };
  return {
    finish(status, faults) {
      const log = store.requestLog;
      log.push({ seq: (log[log.length - 1]?.seq ?? 0) + 1, ...base, status, durationMs: Date.now() - startedAt, faults });
      if (log.length > store.requestLogLimit) log.splice(0, log.length - store.requestLogLimit);
    },
  };
}
