/**
 * Tells who sent a message. Chrome's guidance: treat content scripts as untrusted, check the
 * sender's id and URL, never the message's claims about itself.
 */
import { isBanqupHost, isYokoyWebHost } from '../sites/hosts';
import type { SenderKind } from './fields';

export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; active?: boolean };
  frameId?: number;
}

export interface SenderEnv {
  extensionId: string;
  /** The extension's own base URL, e.g. chrome-extension://<id>/ */
  extensionOrigin: string;
  /** Whether sandbox origins count as Banqup/Yokoy (sandbox build only). */
  sandbox: boolean;
}

export function classifySender(sender: SenderInfo, env: SenderEnv): SenderKind | undefined {
  if (sender.id !== env.extensionId || !sender.url) return undefined;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return undefined;
  }
  // An extension page: our own origin and not inside a tab's content script.
  if (sender.url.startsWith(env.extensionOrigin)) return 'extension-page';
  if (sender.tab === undefined) return undefined;
  if (isBanqupHost(url.hostname, url.protocol, env.sandbox)) return 'banqup-content';
  if (isYokoyWebHost(url.hostname, url.protocol, env.sandbox)) return 'yokoy-content';
  return undefined;
}
