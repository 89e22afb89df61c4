/** What every look-alike module gets: shared state, the others' URLs, and its own router. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxState } from './state';
import type { YokoyWebOptions } from './yokoy-web/labels';

export interface SandboxUrls {
  /** As the browser sees them (`*.localhost` names, so content-script matches tell them apart). */
  banqup: string;
  yokoyWeb: string;
  yokoyApi: string;
}

export interface LookAlikeEnv {
  state: SandboxState;
  /** Browser-facing URLs of all look-alikes. */
  urls: SandboxUrls;
  /** Loopback URLs for server-to-server calls (Node does not resolve `*.localhost`). */
  internalUrls: SandboxUrls;
  /** How the Yokoy web look-alike shows itself (Yokoy or Perk, a default language). */
  yokoyWeb?: YokoyWebOptions;
}

export type RequestListener = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** A look-alike: one module, one port, one request listener (usually `serveRouter(router)`). */
export interface LookAlike {
  name: keyof SandboxUrls;
  createHandler(env: LookAlikeEnv): RequestListener;
}
