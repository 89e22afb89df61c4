/**
 * The raw baseline, run in its own process (as the extension's uploads run in Chromium's, not
 * in the sandbox's Node thread): a bare loop doing the same `einvoice` uploads as the
 * extension (same UBL + PDF multipart, same concurrency) to the same emulator, nothing else.
 * Input: one JSON argument; output: one JSON line on stdout.
 */
import { randomUUID } from 'node:crypto';
import { benchInvoices } from './invoices';

export interface BaselineJob {
  apiUrl: string;
  organizationId: string;
  legalEntityId: string;
  clientId: string;
  clientSecret: string;
  concurrency: number;
  count: number;
  tag: string;
}

export interface BaselineResult {
  startedAt: number;
  endedAt: number;
  created: number;
  failed: number;
  firstError?: string;
}

export async function runBaseline(job: BaselineJob): Promise<BaselineResult> {
  // Invoices are made before the clock starts: the extension's are already in Banqup too.
  const docs = benchInvoices({ count: job.count, tag: job.tag });
  const startedAt = Date.now();
  const tokenAnswer = await fetch(`${job.apiUrl}/oauth2/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${job.clientId}:${job.clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  const { access_token: token } = (await tokenAnswer.json()) as { access_token: string };
  const url = `${job.apiUrl}/v1/organizations/${encodeURIComponent(job.organizationId)}/legal-entities/${encodeURIComponent(job.legalEntityId)}/invoices/einvoice`;
  let next = 0;
  let created = 0;
  let failed = 0;
  let firstError: string | undefined;
  const lane = async () => {
    for (let i = next++; i < docs.length; i = next++) {
      const doc = docs[i]!;
      const form = new FormData();
      form.set('standard', 'peppolBis');
      form.set('invoiceData', doc.ubl!);
      form.set('pdf', new File([new Uint8Array(doc.pdf)], `${doc.meta.invoiceNumber}.pdf`, { type: 'application/pdf' }));
      // The same headers the extension's client sends (lib/yokoy-api/client.ts).
      const headers = { authorization: `Bearer ${token}`, 'x-yk-auth-method': 'yokoy', 'x-yk-correlation-id': randomUUID() };
      const answer = await fetch(url, { method: 'POST', headers, body: form });
      const text = await answer.text();
      if (answer.status === 201) created++;
      else {
        failed++;
        firstError ??= `${answer.status} ${text.slice(0, 300)}`;
      }
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, lane));
  return { startedAt, endedAt: Date.now(), created, failed, firstError };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const job = JSON.parse(process.argv[2] ?? '{}') as BaselineJob;
  runBaseline(job).then(
    (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}
