/**
 * A tiny router over node:http, enough for the look-alikes: method + path pattern with
 * `:params`, JSON/text/HTML helpers, body readers. No framework, so the sandbox starts fast
 * and every byte on the wire is ours to shape (fault injection needs that).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export type Params = Record<string, string>;
export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Params;
}
export type Handler = (ctx: Ctx) => void | Promise<void>;

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: Handler;
}

export class Router {
  private routes: Route[] = [];

  on(method: string, path: string, handler: Handler): this {
    const names: string[] = [];
    const source = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    this.routes.push({ method, pattern: new RegExp(`^${source}/?$`), names, handler });
    return this;
  }
  get(path: string, h: Handler) {
    return this.on('GET', path, h);
  }
  post(path: string, h: Handler) {
    return this.on('POST', path, h);
  }
  patch(path: string, h: Handler) {
    return this.on('PATCH', path, h);
  }
  put(path: string, h: Handler) {
    return this.on('PUT', path, h);
  }
  delete(path: string, h: Handler) {
    return this.on('DELETE', path, h);
  }

  /** Finds the route; `undefined` when nothing matches the path, `'method'` when only the method is wrong. */
  match(method: string, pathname: string): { handler: Handler; params: Params } | 'method' | undefined {
    let pathMatched = false;
    for (const route of this.routes) {
      const m = route.pattern.exec(pathname);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params: Params = {};
      route.names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1] ?? '')));
      return { handler: route.handler, params };
    }
    return pathMatched ? 'method' : undefined;
  }
}

export function send(res: ServerResponse, status: number, body: string | Buffer, type: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}
export const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
  send(res, status, JSON.stringify(body), 'application/json; charset=utf-8', headers);
export const html = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) =>
  send(res, status, body, 'text/html; charset=utf-8', headers);
export const redirect = (res: ServerResponse, location: string, headers: Record<string, string> = {}) => {
  res.writeHead(302, { location, ...headers });
  res.end();
};

export async function readBody(req: IncomingMessage, limit = 50 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function parseCookies(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

/** Escapes text for HTML bodies and attributes. */
export function esc(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Turns a router into a request listener; unknown paths answer `notFound`, errors a 500. */
export function serveRouter(
  router: Router,
  notFound: (ctx: Ctx) => void = ({ res }) => send(res, 404, 'Not found', 'text/plain'),
  methodNotAllowed: (ctx: Ctx) => void = ({ res }) => send(res, 405, 'Method not allowed', 'text/plain'),
) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const found = router.match(req.method ?? 'GET', url.pathname);
    const ctx: Ctx = { req, res, url, params: {} };
    try {
      if (found === undefined) return notFound(ctx);
      if (found === 'method') return methodNotAllowed(ctx);
      ctx.params = found.params;
      await found.handler(ctx);
    } catch (error) {
      if (!res.headersSent) send(res, 500, `Sandbox error: ${error instanceof Error ? error.message : String(error)}`, 'text/plain');
      else res.destroy();
    }
  };
}
