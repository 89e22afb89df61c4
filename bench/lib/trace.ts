/**
 * Attributes main-thread work to the extension from a Chromium trace: script events whose
 * URL is `chrome-extension://…` (the content script's first run, its callbacks, timers), the
 * top-level task each ran in, and the sum of their own time. A PerformanceObserver cannot say
 * whose a long task was; the trace can.
 */

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; stackTrace?: { url?: string }[]; frame?: string } };
}

export const traceCategories = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink.user_timing',
];

/** The timestamp of a `performance.mark(name)` in the trace, if the page made one. */
export const markTime = (events: readonly TraceEvent[], name: string): number | undefined => events.find((e) => e.name === name)?.ts;

const scriptEvents = new Set([
  'EvaluateScript',
  'FunctionCall',
  'TimerFire',
  'FireAnimationFrame',
  'v8.compile',
  'v8.run',
  'v8.callFunction',
  'EventDispatch',
  'v8.evaluateModule',
  'XHRReadyStateChange',
]);

export interface ExtensionWork {
  /** Own script time of the extension, outermost events only (ms). */
  scriptMs: number;
  /** The part of it that started before `before` (a trace timestamp), e.g. the page's list drawn. */
  scriptBeforeMs: number;
  /** Top-level tasks that ran extension script, with their durations (ms). */
  tasks: number[];
  /** Top-level tasks over 50 ms that ran extension script. */
  longTasks: number[];
  /** All top-level tasks over 50 ms on the traced threads (whoever caused them). */
  allLongTasks: number[];
}

export const urlOf = (e: TraceEvent) => e.args?.data?.url || e.args?.data?.stackTrace?.[0]?.url || '';

/** The extension's script events, outermost only (one nested in an earlier one on its thread is already counted), by time. */
export function extensionScriptEvents(events: readonly TraceEvent[], extensionOrigin = 'chrome-extension://'): TraceEvent[] {
  const ours = events
    .filter((e) => e.ph === 'X' && typeof e.dur === 'number' && scriptEvents.has(e.name) && urlOf(e).startsWith(extensionOrigin))
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const outermost: TraceEvent[] = [];
  const endOn = new Map<string, number>();
  for (const e of ours) {
    const key = `${e.pid}:${e.tid}`;
    if ((endOn.get(key) ?? -1) > e.ts) continue;
    outermost.push(e);
    endOn.set(key, e.ts + e.dur!);
  }
  return outermost;
}

export function extensionWork(events: readonly TraceEvent[], extensionOrigin = 'chrome-extension://', before = Infinity): ExtensionWork {
  const tasks = events.filter(
    (e) => e.ph === 'X' && typeof e.dur === 'number' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'),
  );
  const outermost = extensionScriptEvents(events, extensionOrigin);
  const hosting = new Set<TraceEvent>();
  for (const e of outermost) {
    const task = tasks.find((t) => t.pid === e.pid && t.tid === e.tid && t.ts <= e.ts && t.ts + t.dur! >= e.ts + e.dur!);
    if (task) hosting.add(task);
  }
  const ms = (us: number) => us / 1000;
  const hostingMs = [...hosting].map((t) => ms(t.dur!));
  const threads = new Set(outermost.map((e) => `${e.pid}:${e.tid}`));
  return {
    scriptMs: outermost.reduce((sum, e) => sum + ms(e.dur!), 0),
    scriptBeforeMs: outermost.filter((e) => e.ts < before).reduce((sum, e) => sum + ms(e.dur!), 0),
    tasks: hostingMs,
    longTasks: hostingMs.filter((d) => d > 50),
    allLongTasks: tasks
      .filter((t) => threads.size === 0 || threads.has(`${t.pid}:${t.tid}`))
      .map((t) => ms(t.dur!))
      .filter((d) => d > 50),
  };
}

export function parseTrace(buffer: Uint8Array | undefined): TraceEvent[] {
  if (!buffer) return [];
  const parsed = JSON.parse(Buffer.from(buffer).toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}
