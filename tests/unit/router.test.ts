import { describe, expect, it } from 'vitest';
import { createRouter, type Handlers } from '../../lib/messaging/router';
import { getStatus } from '../../lib/status/status';

const env = {
  extensionId: 'abcdefghijklmnopabcdefghijklmnop',
  extensionOrigin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/',
  sandbox: false,
};
const popup = { id: env.extensionId, url: `${env.extensionOrigin}popup.html` };

function router(calls: string[] = []) {
  return createRouter(
    {
      status: async () => {
        calls.push('status');
        return getStatus({ version: '1.2.3', readConnection: async () => ({ state: 'not-set-up' }) });
      },
      'credentials.reveal': async () => {
        calls.push('reveal');
        return { clientSecret: 'top-secret' };
      },
    } as Partial<Handlers> as Handlers,
    env,
  );
}

describe('message router', () => {
  it('answers a status request from the popup', async () => {
    expect(await router()({ type: 'status' }, popup)).toEqual({
      ok: true,
      value: { version: '1.2.3', connection: { state: 'not-set-up' } },
    });
  });

  it('answers a status request from a Banqup content script', async () => {
    const answer = await router()({ type: 'status' }, { id: env.extensionId, url: 'https://app.banqup.com/purchases', tab: { id: 3 } });
    expect(answer.ok).toBe(true);
  });

  it.each([
    ['no type', {}],
    ['unknown type', { type: 'deleteEverything' }],
    ['a string', 'status'],
    ['null', null],
    ['wrong field type', { type: 7 }],
  ])('rejects a malformed message (%s) without running a handler', async (_, message) => {
    const calls: string[] = [];
    const answer = await router(calls)(message, popup);
    expect(answer).toMatchObject({ ok: false, failure: { kind: 'malformed' } });
    expect(calls).toEqual([]);
  });

  it('refuses a credential request from a Banqup content script', async () => {
    const calls: string[] = [];
    const answer = await router(calls)(
      { type: 'credentials.reveal' },
      { id: env.extensionId, url: 'https://app.banqup.com/', tab: { id: 2 } },
    );
    expect(answer).toMatchObject({ ok: false, failure: { kind: 'forbidden-sender' } });
    expect(JSON.stringify(answer)).not.toContain('top-secret');
    expect(calls).toEqual([]);
  });

  it.each([
    [
      'another extension',
      { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/popup.html' },
    ],
    ['a web page (no id)', { url: 'https://evil.example/' }],
    ['a content script on an unrelated site', { id: env.extensionId, url: 'https://evil.example/', tab: { id: 1 } }],
    ['a look-alike host', { id: env.extensionId, url: 'https://banqup.com.evil.example/', tab: { id: 1 } }],
    ['the sandbox host in a production build', { id: env.extensionId, url: 'http://banqup.localhost:4000/', tab: { id: 1 } }],
    ['no URL', { id: env.extensionId }],
  ])('rejects a message from a foreign sender: %s', async (_, sender) => {
    const calls: string[] = [];
    const answer = await router(calls)({ type: 'status' }, sender);
    expect(answer).toMatchObject({ ok: false, failure: { kind: 'forbidden-sender' } });
    expect(calls).toEqual([]);
  });
});
