/** Yokoy web look-alike: Admin → Developer, credentials, invoices, sign-in consent. */
import type { LookAlike } from '../app';
import { html, Router, serveRouter } from '../http';

export const yokoyWeb: LookAlike = {
  name: 'yokoyWeb',
  createHandler() {
    const router = new Router().get('/', ({ res }) =>
      html(res, 200, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Yokoy</title></head><body><h1>Yokoy</h1></body></html>`),
    );
    return serveRouter(router);
  },
};
