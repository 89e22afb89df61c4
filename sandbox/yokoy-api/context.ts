/** What an API route handler gets: the parsed request (body already read) and the store. */
import type { IncomingHttpHeaders } from 'node:http';
import type { Params } from '../http';
import type { Reply } from './reply';
import type { YokoyStore, YokoyToken } from './store';

export interface ApiCtx {
  store: YokoyStore;
  method: string;
  headers: IncomingHttpHeaders;
  url: URL;
  params: Params;
  body: Buffer;
  /** The caller's token (set for `/v1/organizations/{organizationId}/…` routes). */
  token?: YokoyToken;
}

export type ApiHandler = (ctx: ApiCtx) => Reply | Promise<Reply>;
