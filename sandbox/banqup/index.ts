/** Banqup look-alike: the single-page app and its internal JSON API. */
import type { LookAlike } from '../app';
import { html, Router, serveRouter } from '../http';

export const banqup: LookAlike = {
  name: 'banqup',
  createHandler() {
    const router = new Router().get('/', ({ res }) =>
      html(
        res,
        200,
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Banqup</title></head>
<body><header><h1>banqup</h1></header><main><p>Dashboard</p></main></body></html>`,
      ),
    );
    return serveRouter(router);
  },
};
