/**
 * The background's single entry for messages: parse with zod, check the sender against the
 * request's policy, then run the handler. Refusals change no state and say why.
 */
import { Request, requestPolicy, type Answers, type RequestType, type Response } from './protocol';
import { classifySender, type SenderEnv, type SenderInfo } from './sender';
import { failed, succeeded } from '../failures/result';

export type Handlers = {
  [K in RequestType]: (request: Extract<Request, { type: K }>, sender: SenderInfo) => Promise<Answers[K]>;
};

export function createRouter(handlers: Handlers, env: SenderEnv) {
  return async function route(message: unknown, sender: SenderInfo): Promise<Response<unknown>> {
    const parsed = Request.safeParse(message);
    if (!parsed.success) {
      return failed({ kind: 'malformed', detail: 'The message does not match the protocol.' });
    }
    const request = parsed.data;
    const kind = classifySender(sender, env);
    if (!kind || !requestPolicy[request.type].includes(kind)) {
      return failed({ kind: 'forbidden-sender', detail: `"${request.type}" is not accepted from this sender.` });
    }
    try {
      const handler = handlers[request.type] as (r: Request, s: SenderInfo) => Promise<unknown>;
      return succeeded(await handler(request, sender));
    } catch (error) {
      return failed({ kind: 'failed', detail: error instanceof Error ? error.message : String(error) });
    }
  };
}
