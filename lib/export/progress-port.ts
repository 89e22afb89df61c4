/**
 * Progress pushed to whoever shows it (the popup's Export and History views, the panel on
 * Banqup's page) over a runtime Port, instead of each asking every 0.5–1 s: nothing runs while
 * nothing changes, and a change shows up within the worker's 250 ms coalescing.
 *
 * The port is opened by the listener (`runtime.connect({ name: PROGRESS_PORT })`); the worker
 * checks its sender like any message's (extension pages and Banqup content scripts only) and
 * sends `ProgressPush` on connect and after every change. Nothing is read from the port.
 */
import { browser } from 'wxt/browser';
import type { SenderKind } from '../messaging/fields';
import type { ExportProgress } from './messages';
import type { SenderInfo } from '../messaging/sender';
import { PROGRESS_PORT, type ProgressPush } from '../messaging/progress-subscribe';

interface PortLike {
  name: string;
  sender?: SenderInfo;
  postMessage(message: unknown): void;
  disconnect(): void;
  onDisconnect: { addListener(cb: () => void): void };
}

export interface ProgressPorts {
  /** Sends the current progress to every open port (computed once, when any port is open). */
  push(progress?: ExportProgress): Promise<void>;
  /** How many listen now (tests, bench). */
  size(): number;
}

export function listenForProgress(
  classify: (sender: SenderInfo) => SenderKind | undefined,
  read: () => Promise<ExportProgress>,
  onConnect: { addListener(cb: (port: PortLike) => void): void } = browser.runtime.onConnect as never,
): ProgressPorts {
  const ports = new Set<PortLike>();
  let revision = 0;
  const send = (port: PortLike, progress: ExportProgress) => {
    try {
      port.postMessage({ type: 'export.progress', progress, revision } satisfies ProgressPush);
    } catch {
      ports.delete(port);
    }
  };
  onConnect.addListener((port) => {
    if (port.name !== PROGRESS_PORT) return;
    const kind = port.sender ? classify(port.sender) : undefined;
    if (kind !== 'extension-page' && kind !== 'banqup-content') return port.disconnect();
    ports.add(port);
    port.onDisconnect.addListener(() => ports.delete(port));
    void read().then((progress) => send(port, progress));
  });
  return {
    async push(progress) {
      revision++;
      if (!ports.size) return;
      const current = progress ?? (await read());
      for (const port of ports) send(port, current);
    },
    size: () => ports.size,
  };
}
