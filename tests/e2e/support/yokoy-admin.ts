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

export interface StoredInvoice {
  id: string;
  legalEntityId: string;
  invoiceNumber: string | null;
  supplierName: string | null;
  currency: string | null;
  grossAmount: number | null;
  netAmount: number | null;
  isCreditNote: boolean;
  customInformation: Record<string, unknown> | null;
  pdfBytes: number;
  ublBytes: number;
  source: string;
}

export async function yokoyInvoices(sandbox: Sandbox): Promise<StoredInvoice[]> {
  const answer = await fetch(`${sandbox.internalUrls.yokoyApi}/__admin/invoices`);
  return ((await answer.json()) as { invoices: StoredInvoice[] }).invoices;
}

export async function seedYokoyInvoice(sandbox: Sandbox, invoice: Record<string, unknown>): Promise<StoredInvoice> {
  const answer = await fetch(`${sandbox.internalUrls.yokoyApi}/__admin/invoices`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(invoice),
  });
  if (answer.status !== 201) throw new Error(`seeding failed: ${answer.status} ${await answer.text()}`);
  return (await answer.json()) as StoredInvoice;
}

export async function setFaults(sandbox: Sandbox, faults: Record<string, unknown>): Promise<void> {
  const answer = await fetch(`${sandbox.internalUrls.yokoyApi}/__admin/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
  if (!answer.ok) throw new Error(`faults refused: ${answer.status} ${await answer.text()}`);
}
