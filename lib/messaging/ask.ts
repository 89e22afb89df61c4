/**
 * A typed request to the background through a given `runtime` (browser.runtime, passed in): the
 * Banqup page module gets its runtime from the content script instead of importing
 * wxt/browser, so the polyfill is not bundled twice.
 */
import { failed } from '../failures/result';
import type { Answers, Request, Response } from './protocol';

export interface MessageRuntime {
  sendMessage(message: unknown): Promise<unknown>;
}

export type Ask = <T extends Request>(request: T) => Promise<Response<Answers[T['type']]>>;

export function askVia(runtime: MessageRuntime): Ask {
  return async (request) => {
    try {
      return (await runtime.sendMessage(request)) as never;
    } catch (error) {
      return failed({ kind: 'failed', detail: error instanceof Error ? error.message : String(error) });
    }
  };
}
