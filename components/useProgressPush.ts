/** The worker's progress pushes (lib/export/progress-port.ts) as a Preact hook: no polling. */
import { useEffect, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { subscribeToProgress, type ProgressPush } from '../lib/messaging/progress-subscribe';

export function useProgressPush(onPush: (push: ProgressPush) => void): void {
  const latest = useRef(onPush);
  latest.current = onPush;
  useEffect(() => subscribeToProgress(browser.runtime as never, (push) => latest.current(push)), []);
}
