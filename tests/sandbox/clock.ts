/**
 * Time passing for the emulator without waiting for it: its clocks (token lifetimes, AI
 * processing) read `Date.now()`, so the test moves `Date` forward (timers stay real, so the
 * HTTP server keeps working) and puts it back after.
 */
import { vi } from 'vitest';

export async function whenTimeHasPassed<T>(ms: number, fn: () => Promise<T>): Promise<T> {
  const now = Date.now();
  vi.useFakeTimers({ toFake: ['Date'], now: now + ms });
  try {
    return await fn();
  } finally {
    vi.useRealTimers();
  }
}
