/**
 * Starts the look-alikes, one HTTP server each on 127.0.0.1 (free ports unless fixed ones are
 * given). Browser-facing URLs use `*.localhost` names that Chromium resolves to loopback, so
 * the extension's sandbox build can match Banqup's look-alike and Yokoy's separately.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LookAlike, SandboxUrls } from './app';
import { banqup } from './banqup';
import { createSandboxState, type SandboxState, type SandboxStateOptions } from './state';
import { yokoyApi } from './yokoy-api';
import { yokoyWeb } from './yokoy-web';
import type { YokoyWebOptions } from './yokoy-web/labels';

export const hostNames: Record<keyof SandboxUrls, string> = {
  banqup: 'banqup.localhost',
  yokoyWeb: 'yokoy.localhost',
  yokoyApi: 'api.yokoy.localhost',
};

export interface SandboxOptions extends SandboxStateOptions {
  ports?: Partial<Record<keyof SandboxUrls, number>>;
  /** The Yokoy web look-alike as Yokoy or as Perk, in a default language (e.g. `{ brand: 'perk', language: 'de' }`). */
  yokoyWeb?: YokoyWebOptions;
}

export interface Sandbox {
  state: SandboxState;
  urls: SandboxUrls;
  internalUrls: SandboxUrls;
  close(): Promise<void>;
}

const lookAlikes: LookAlike[] = [banqup, yokoyWeb, yokoyApi];

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const state = createSandboxState(options);
  const servers = new Map<keyof SandboxUrls, Server>();
  const urls = {} as SandboxUrls;
  const internalUrls = {} as SandboxUrls;
  const listeners = new Map<keyof SandboxUrls, ReturnType<LookAlike['createHandler']>>();

  for (const lookAlike of lookAlikes) {
    const server = createServer((req, res) => {
      const listener = listeners.get(lookAlike.name);
      if (listener) void listener(req, res);
      else res.writeHead(503).end();
    });
    server.keepAliveTimeout = 5_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.ports?.[lookAlike.name] ?? 0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    servers.set(lookAlike.name, server);
    urls[lookAlike.name] = `http://${hostNames[lookAlike.name]}:${port}`;
    internalUrls[lookAlike.name] = `http://127.0.0.1:${port}`;
  }
  for (const lookAlike of lookAlikes) {
    listeners.set(lookAlike.name, lookAlike.createHandler({ state, urls, internalUrls, yokoyWeb: options.yokoyWeb }));
  }

  return {
    state,
    urls,
    internalUrls,
    async close() {
      await Promise.all(
        [...servers.values()].map(
          (server) =>
            new Promise<void>((resolve) => {
              server.close(() => resolve());
              server.closeAllConnections();
            }),
        ),
      );
    },
  };
}
