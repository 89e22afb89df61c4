/**
 * Issue 16, click → first upload: while the user looks at the Export view's preview, the worker
 * reads the legal entity's Yokoy index back and refreshes it, so Start does not wait for it.
 */
import { describe, expect, it, vi } from 'vitest';
import type { ExportServiceEnv } from '../../lib/export/service';
import { createExportService } from '../../lib/export/service';
import { createYokoyIndex } from '../../lib/export/yokoy-index';
import type { InvoiceApi } from '../../lib/export/yokoy-invoices';
import { succeeded } from '../../lib/failures/result';
import type { StoredCredentials } from '../../lib/settings/items';

function setup(credentials: StoredCredentials) {
  // What reached Yokoy: the legal entities whose invoices were listed.
  const listed: string[] = [];
  const invoices = { find: async (legalEntityId: string) => (listed.push(legalEntityId), succeeded([])) } as unknown as InvoiceApi;
  const service = createExportService({
    index: createYokoyIndex({ invoices }),
    banqup: {
      listDocuments: async () => succeeded({ documents: [], total: 3 }),
      bankStatementCount: async () => succeeded(0),
    },
    credentials: { getValue: async () => credentials },
  } as unknown as ExportServiceEnv);
  return { service, listed };
}

describe('the export preview', () => {
  it('has Yokoy asked for the chosen legal entity’s invoices before Start is clicked', async () => {
    const { service, listed } = setup({ verification: { state: 'verified', at: 1 }, legalEntityId: 'le-1' });
    expect(await service.preview({})).toMatchObject({ count: 3 });
    await vi.waitFor(() => expect(listed).toEqual(['le-1']));
  });

  it('asks Yokoy nothing while the credentials are not verified', async () => {
    const { service, listed } = setup({ legalEntityId: 'le-1' });
    await service.preview({});
    // The warm-up starts after reading the credentials: one turn of the event loop covers it.
    await new Promise((done) => setImmediate(done));
    expect(listed).toEqual([]);
  });
});
