/**
 * Yokoy API emulator, one port for what production splits over two hosts:
 * `POST /oauth2/token` (accounts.yokoy.ai) and `/v1/organizations/{organizationId}/…`
 * (api.yokoy.ai), as described by Yokoy's OpenAPI description 1.41.0, plus `/__admin/…` test
 * controls (see admin.ts). Every non-admin request goes through the same pipeline: read the
 * body, draw faults, answer (token / auth + route), then maybe drop or garble the answer,
 * and log it (see log.ts). Handlers return `Reply` values so that pipeline stays in one place.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LookAlike } from '../app';
import { json, readBody, Router, send, type Handler } from '../http';
import { handleAdmin } from './admin';
import { authorize } from './auth';
import type { ApiCtx, ApiHandler } from './context';
import { admitRequest, decideFaults } from './faults';
import { createEinvoice, createInvoice, uploadInvoice } from './invoice-create';
import { getInvoice, getInvoiceBase64, getInvoicePresentation, listInvoices, updateInvoice } from './invoices';
import { getLegalEntity, listLegalEntities } from './legal-entities';
import { startEntry } from './log';
import { listSuppliers } from './suppliers';
import { apiError, type Reply } from './reply';
import type { YokoyStore } from './store';
import { handleToken } from './token';

const orgPrefix = '/v1/organizations/:org';
const lePrefix = `${orgPrefix}/legal-entities/:le`;

/** The `/v1` routes. The Router only matches; each marker handler maps to an ApiHandler. */
function apiRoutes() {
  const router = new Router();
  const handlers = new Map<Handler, ApiHandler>();
  const route = (method: string, path: string, handler: ApiHandler) => {
    const marker: Handler = () => undefined;
    handlers.set(marker, handler);
    router.on(method, path, marker);
  };
  route('GET', `${orgPrefix}/legal-entities`, listLegalEntities);
  route('GET', lePrefix, getLegalEntity);
  route('GET', `${lePrefix}/invoices`, listInvoices);
  route('GET', `${lePrefix}/suppliers`, listSuppliers);
  route('POST', `${lePrefix}/invoices`, createInvoice);
  route('POST', `${lePrefix}/invoices/einvoice`, createEinvoice);
  route('POST', `${lePrefix}/invoices/upload`, uploadInvoice);
  route('GET', `${lePrefix}/invoices/:invoice`, getInvoice);
  route('PATCH', `${lePrefix}/invoices/:invoice`, updateInvoice);
  route('GET', `${lePrefix}/invoices/:invoice/base64`, getInvoiceBase64);
  route('GET', `${lePrefix}/invoices/:invoice/presentation`, getInvoicePresentation);

  return async (ctx: Omit<ApiCtx, 'params'>): Promise<Reply> => {
    const found = router.match(ctx.method, ctx.url.pathname);
    if (found === undefined) return apiError(404);
    if (found === 'method') {
      const allowed = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => {
        const r = router.match(m, ctx.url.pathname);
        return r !== undefined && r !== 'method';
      });
      return apiError(405, undefined, { allow: allowed.join(', ') });
    }
    const handler = handlers.get(found.handler);
    return handler ? handler({ ...ctx, params: found.params }) : apiError(404);
  };
}

const orgPath = /^\/v1\/organizations\/([^/]+)(?:\/.*)?$/;

async function answer(
  store: YokoyStore,
  dispatch: ReturnType<typeof apiRoutes>,
  req: IncomingMessage,
  url: URL,
  body: Buffer,
): Promise<Reply> {
  const method = req.method ?? 'GET';
  if (url.pathname.replace(/\/$/, '') === '/oauth2/token') {
    if (method !== 'POST')
      return { status: 405, body: { error: 'invalid_request', error_description: 'Use POST' }, headers: { allow: 'POST' } };
    return handleToken(store, req.headers, body);
  }
  const m = orgPath.exec(url.pathname);
  if (!m) return apiError(404);
  let organizationId: string;
  try {
    organizationId = decodeURIComponent(m[1] ?? '');
  } catch {
    return apiError(404);
  }
  const auth = authorize(store, req.headers, organizationId);
  if ('reply' in auth) return auth.reply;
  return dispatch({ store, method, headers: req.headers, url, body, token: auth.token });
}

function write(res: ServerResponse, reply: Reply, garble: boolean): void {
  const headers = reply.headers ?? {};
  if (reply.raw) return send(res, reply.status, reply.raw.data, reply.raw.contentType, headers);
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers);
    res.end();
    return;
  }
  let text = JSON.stringify(reply.body);
  // Cut the JSON short: valid status and headers, unparseable body.
  if (garble) text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
  send(res, reply.status, text, 'application/json; charset=utf-8', headers);
}

export const yokoyApi: LookAlike = {
  name: 'yokoyApi',
  createHandler({ state }) {
    const dispatch = apiRoutes();
    return async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
      const store = state.yokoy;
      if (url.pathname === '/__admin' || url.pathname.startsWith('/__admin/')) return handleAdmin(store, { req, res, url, params: {} });
      if (url.pathname === '/health') return json(res, 200, { ok: true });

      const startedAt = Date.now();
      let body: Buffer;
      try {
        body = await readBody(req);
      } catch {
        res.destroy();
        return;
      }
      const entry = startEntry(store, req, body, startedAt);
      const upload = req.method === 'POST' && url.pathname.endsWith('/einvoice');
      const admitted = url.pathname.startsWith('/v1/') ? admitRequest(store.faults, upload) : { done: () => undefined };
      res.once('close', admitted.done);
      if (admitted.refused) {
        const message = admitted.refused === 'concurrency' ? 'Too many concurrent requests' : 'Rate limit exceeded';
        write(res, apiError(429, message), false);
        entry.finish(429, [`limit-${admitted.refused}`]);
        return;
      }
      const decision = decideFaults(store.faults);
      const faults: string[] = [];
      if (decision.latencyMs > 0) {
        faults.push('latency');
        await new Promise((resolve) => setTimeout(resolve, decision.latencyMs));
      }

      let reply: Reply;
      if (decision.reject) {
        faults.push(decision.reject.label);
        reply = apiError(decision.reject.status, undefined, decision.reject.headers);
      } else {
        try {
          reply = await answer(store, dispatch, req, url, body);
        } catch (error) {
          reply = apiError(500, `Server error: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      // A test holding answers (store.hold): the request is handled, its answer waits.
      const held = store.hold?.({ method: req.method ?? 'GET', path: url.pathname, status: reply.status });
      if (held) {
        faults.push('held');
        await held;
      }
      const correlation = req.headers['x-yk-correlation-id'];
      if (typeof correlation === 'string') reply.headers = { ...reply.headers, 'x-yk-correlation-id': correlation };

      if (decision.drop) {
        // The request was handled (an invoice may now exist); the client never hears the end.
        faults.push(decision.drop === 'mid-answer' ? 'drop' : 'dropBeforeAnswer');
        entry.finish(null, faults);
        if (decision.drop === 'mid-answer') {
          res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': '4096', ...reply.headers });
          res.write('{"');
          // Let the headers leave before the connection dies.
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        req.socket.destroy();
        return;
      }
      const garble = decision.malformedJson && reply.body !== undefined && !reply.raw;
      if (garble) faults.push('malformedJson');
      write(res, reply, garble);
      entry.finish(reply.status, faults);
    };
  },
};
