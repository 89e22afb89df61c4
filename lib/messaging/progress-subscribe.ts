/**
 * The listening side of the progress port (lib/export/progress-port.ts, the worker's side): the popup's views and the
 * Banqup page module. No import of wxt/browser here: the page module passes its runtime in.
 */
import type { ExportProgress } from './protocol';

export const PROGRESS_PORT = 'export-progress';

export interface ProgressPush {
  type: 'export.progress';
  progress: ExportProgress;
  /** Grows with every change of any job: a history view reloads what it shows when it moves. */
  revision: number;
}

/** The listener's side: calls `onPush` with every push until the returned stop is called. */
export function subscribeToProgress(
  runtime: {
    connect(info: { name: string }): {
      onMessage: { addListener(cb: (m: unknown) => void): void };
      onDisconnect: { addListener(cb: () => void): void };
      disconnect(): void;
    };
  },
  onPush: (push: ProgressPush) => void,
): () => void {
  let stopped = false;
  let port: ReturnType<typeof runtime.connect> | undefined;
  const open = () => {
    if (stopped) return;
    port = runtime.connect({ name: PROGRESS_PORT });
    port.onMessage.addListener((message) => {
      const push = message as Partial<ProgressPush> | undefined;
      if (push?.type === 'export.progress' && push.progress && typeof push.revision === 'number') onPush(push as ProgressPush);
    });
    // The worker stopped (idle, update): connecting again wakes it and brings the current state.
    port.onDisconnect.addListener(() => {
      port = undefined;
      if (!stopped) setTimeout(open, 1_000);
    });
  };
  open();
  return () => {
    stopped = true;
    port?.disconnect();
  };
}
