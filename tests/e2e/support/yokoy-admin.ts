/** Reads the Yokoy emulator's admin endpoints (request log, stored invoices) from a test. */
import type { Sandbox } from '../../../sandbox/server';

export interface LogEntry {
  method: string;
  path: string;
  status: number | null;
  headers: Record<string, string>;
  carriesClientSecret: boolean;
}

export async function requestLog(sandbox: Sandbox): Promise<LogEntry[]> {
  const answer = await fetch(`${sandbox.internalUrls.yokoyApi}/__admin/log`);
  return ((await answer.json()) as { entries: LogEntry[] }).entries;
}

export async function clearRequestLog(sandbox: Sandbox): Promise<void> {
  await fetch(`${sandbox.internalUrls.yokoyApi}/__admin/log`, { method: 'DELETE' });
}
