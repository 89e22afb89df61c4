/** Sends a typed request to the background and unwraps its typed answer. */
import { browser } from 'wxt/browser';
import type { Answers, Request, Response } from './protocol';

export async function ask<T extends Request>(request: T): Promise<Response<Answers[T['type']]>> {
  try {
    return (await browser.runtime.sendMessage(request)) as Response<Answers[T['type']]>;
  } catch (error) {
    return { ok: false, error: { code: 'failed', message: error instanceof Error ? error.message : String(error) } };
  }
}
