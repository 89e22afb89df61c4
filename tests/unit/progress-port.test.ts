/**
 * Progress pushed over a port instead of polled: an extension page or a Banqup content script
 * that connects gets the progress at once and after every change; any other sender is
 * disconnected and never told anything; a closed port is forgotten.
 */
import { describe, expect, it } from 'vitest';
import type { ExportProgress } from '../../lib/messaging/protocol';
import { listenForProgress } from '../../lib/export/progress-port';
import { PROGRESS_PORT, subscribeToProgress, type ProgressPush } from '../../lib/messaging/progress-subscribe';

const progress = (remaining: number): ExportProgress => ({
  paused: false,
  running: remaining > 0,
  waitingForBanqup: false,
  total: 10,
  remaining,
  done: 10 - remaining,
  duplicate: 0,
  failed: 0,
  cancelled: 0,
});

function fakePort(name: string, url: string) {
  const received: ProgressPush[] = [];
  const closers: (() => void)[] = [];
  let disconnected = false;
  return {
    port: {
      name,
      sender: { id: 'ext', url, tab: url.startsWith('chrome-extension://') ? undefined : { id: 1 } },
      postMessage: (m: unknown) => received.push(m as ProgressPush),
      disconnect: () => void (disconnected = true),
      onDisconnect: { addListener: (cb: () => void) => void closers.push(cb) },
    },
    received,
    close: () => closers.forEach((c) => c()),
    get disconnected() {
      return disconnected;
    },
  };
}

describe('the progress port', () => {
  it('pushes to extension pages and Banqup pages, refuses others, forgets closed ports', async () => {
    const listeners: ((port: never) => void)[] = [];
    let remaining = 5;
    const classify = (s: { url?: string }) =>
      s.url?.startsWith('chrome-extension://ext/')
        ? 'extension-page'
        : s.url?.startsWith('https://app.banqup.com/')
          ? 'banqup-content'
          : undefined;
    const ports = listenForProgress(classify as never, async () => progress(remaining), {
      addListener: (cb) => void listeners.push(cb as never),
    });
    const popup = fakePort(PROGRESS_PORT, 'chrome-extension://ext/popup.html');
    const banqup = fakePort(PROGRESS_PORT, 'https://app.banqup.com/purchases');
    const stranger = fakePort(PROGRESS_PORT, 'https://evil.example/');
    const other = fakePort('something-else', 'chrome-extension://ext/popup.html');
    for (const p of [popup, banqup, stranger, other]) listeners.forEach((l) => l(p.port as never));
    await new Promise((r) => setTimeout(r, 0));
    expect(popup.received.map((m) => m.progress.remaining)).toEqual([5]);
    expect(banqup.received.map((m) => m.progress.remaining)).toEqual([5]);
    expect(stranger.disconnected).toBe(true);
    expect(stranger.received).toEqual([]);
    expect(other.received).toEqual([]);

    remaining = 2;
    await ports.push();
    expect(popup.received.map((m) => m.progress.remaining)).toEqual([5, 2]);
    expect(popup.received[1]!.revision).toBeGreaterThan(popup.received[0]!.revision);
    banqup.close();
    await ports.push(progress(0));
    expect(banqup.received).toHaveLength(2);
    expect(popup.received.map((m) => m.progress.remaining)).toEqual([5, 2, 0]);
    expect(ports.size()).toBe(1);
  });

  it('the listening side ignores messages of another shape and stops when told', () => {
    const handlers: ((m: unknown) => void)[] = [];
    let disconnected = false;
    const runtime = {
      connect: () => ({
        onMessage: { addListener: (cb: (m: unknown) => void) => void handlers.push(cb) },
        onDisconnect: { addListener: () => undefined },
        disconnect: () => void (disconnected = true),
      }),
    };
    const seen: number[] = [];
    const stop = subscribeToProgress(runtime, (push) => seen.push(push.progress.remaining));
    handlers.forEach((h) => h({ type: 'export.progress', progress: progress(3), revision: 1 }));
    handlers.forEach((h) => h({ type: 'other', progress: progress(1), revision: 2 }));
    handlers.forEach((h) => h('junk'));
    expect(seen).toEqual([3]);
    stop();
    expect(disconnected).toBe(true);
  });
});
