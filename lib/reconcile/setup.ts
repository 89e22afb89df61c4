/**
 * Builds the reconcile for the service worker on the export's own clients (one Banqup client,
 * one Yokoy client) and queue, and the handlers of its messages.
 */
import type { BanqupClient } from '../banqup-api/client';
import { banqupApi } from '../sites/banqup/urls';
import { endpointsFor } from '../connection/endpoints';
import type { ExportService } from '../export/service';
import type { YokoyIndex } from '../export/yokoy-index';
import type { InvoiceApi } from '../export/yokoy-invoices';
import type { Handlers } from '../messaging/router';
import { credentialsItem, settingsItem } from '../settings/items';
import { yokoyWebSite } from '../sites/yokoy/web';
import { reconcileCsv } from './csv';
import { createReconcileService } from './service';
import { companionFailure } from '../failures/failure';

const ID = '__id__';

export function createWorkerReconcile(deps: {
  banqup: BanqupClient;
  invoices: InvoiceApi;
  index: YokoyIndex;
  exports: ExportService;
  ready: Promise<void>;
}) {
  const service = createReconcileService({
    banqup: deps.banqup,
    invoices: deps.invoices,
    index: deps.index,
    enqueue: async (ids) => {
      await deps.ready;
      return deps.exports.enqueue(ids, 'backfill');
    },
    exportLegalEntity: async () => {
      const stored = await credentialsItem.getValue();
      return stored.verification?.state === 'verified' ? stored.legalEntityId : undefined;
    },
    links: async (legalEntityId) => {
      const settings = await settingsItem.getValue();
      const web = endpointsFor(settings)?.webOrigin;
      // Templates with `{id}`: one string per report instead of one link per row.
      const yokoy = web ? new URL(yokoyWebSite.invoicePath(legalEntityId, ID), web).href.replace(ID, '{id}') : undefined;
      const banqup = settings.banqupOrigin
        ? new URL(banqupApi.documentPage(ID), settings.banqupOrigin).href.replace(ID, '{id}')
        : undefined;
      return { yokoyInvoiceUrl: yokoy, banqupDocumentUrl: banqup };
    },
    now: () => Date.now(),
  });

  const handlers: Pick<Handlers, `reconcile.${string}` & keyof Handlers> = {
    'reconcile.start': async ({ from, to, legalEntityId }) => {
      if (from > to) return { started: false, problem: companionFailure('bad-period') };
      const stored = await credentialsItem.getValue();
      if (stored.verification?.state !== 'verified') return { started: false, problem: companionFailure('not-verified') };
      if (stored.legalEntities && !stored.legalEntities.some((e) => e.id === legalEntityId))
        return { started: false, problem: companionFailure('no-legal-entity') };
      return service.start({ from, to, legalEntityId });
    },
    'reconcile.progress': async () => service.progress(),
    'reconcile.report': async ({ reportId }) => service.report(reportId) ?? null,
    'reconcile.sendMissing': ({ reportId }) => service.sendMissing(reportId),
    'reconcile.tagUntagged': ({ reportId }) => service.tagUntagged(reportId),
    'reconcile.csv': async ({ reportId }) => {
      const report = service.report(reportId);
      return report ? { csv: reconcileCsv(report), fileName: `yokoy-reconcile-${report.from}-${report.to}.csv` } : null;
    },
  };
  return { service, handlers };
}
