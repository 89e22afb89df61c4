/**
 * happy-dom dispatches no trusted events and computes no layout, so the unit tests of the guide
 * and the launcher mount them in open roots with a gate that lets every event through. What the
 * real gate refuses (synthetic clicks, covered and just-shown buttons, page scripts) is tested
 * in Chromium: tests/e2e/security-page.test.ts.
 */
import type { GateFactory } from '../../lib/in-page/trusted';

export const anyEvent: GateFactory = () => ({ click: () => true, key: () => true, stop: () => undefined });
export const openUi = { mode: 'open' as const, gate: anyEvent };
