/**
 * Invoice processor → Invoices: what reached the API emulator for one legal entity, with the
 * legal-entity selector in the top-right corner (FLOW B8). The store's invoice shape belongs
 * to the API emulator; `invoiceRows` is the single adapter that reads it, leniently, so a
 * change there breaks one function here and not the page.
 */
import { esc } from '../http';
import type { YokoyLegalEntity, YokoyStore } from '../yokoy-api/store';
import { formatDate, formatMoney } from './format';
import { fill, labelsFor, type Labels, type Language } from './labels';
import { appPage } from './layout';
import type { Viewer } from './session';

export interface InvoiceRow {
  id: string;
  invoiceNumber: string;
  supplierName: string;
  date: string | null;
  dueDate: string | null;
  gross: number | null;
  currency: string | null;
  status: string;
  isCreditNote: boolean;
  created: string | null;
}

const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const num = (v: unknown) =>
  typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() && Number.isFinite(Number(v)) ? Number(v) : null;

/** The adapter over the emulator's invoice storage: newest first; tolerant of missing fields. */
export function invoiceRows(store: YokoyStore, organizationId: string, legalEntityId: string): InvoiceRow[] {
  const source = store as unknown as { listInvoices?: (o: string, le: string) => unknown[]; invoices?: Map<string, unknown> };
  const raw: unknown[] =
    typeof source.listInvoices === 'function'
      ? source.listInvoices(organizationId, legalEntityId)
      : source.invoices instanceof Map
        ? [...source.invoices.values()].filter((i) => {
            const r = i as Record<string, unknown>;
            return r.organizationId === organizationId && r.legalEntityId === legalEntityId;
          })
        : [];
  return raw
    .map((item): InvoiceRow => {
      const r = (item ?? {}) as Record<string, unknown>;
      const lines = Array.isArray(r.lineItems) ? (r.lineItems as Record<string, unknown>[]) : [];
      const gross = num(r.gross) ?? (lines.length ? lines.reduce((sum, line) => sum + (num(line?.gross) ?? 0), 0) : null);
      return {
        id: text(r.id),
        invoiceNumber: text(r.invoiceNumber) || '—',
        supplierName: text(r.supplierName) || text((r.supplier as Record<string, unknown> | undefined)?.name) || '—',
        date: text(r.date) || null,
        dueDate: text(r.dueDate) || null,
        gross: gross === null ? null : Math.round(gross * 100) / 100,
        currency: text(r.currency) || null,
        status: text(r.status),
        isCreditNote: r.isCreditNote === true,
        created: text(r.created) || text(r.createdAt) || null,
      };
    })
    .reverse();
}

function statusBadge(l: Labels, status: string): string {
  // Yokoy's status codes as the emulator sets them: "7" new, "8" waiting for the AI.
  if (status === '7') return `<span class="badge badge-new">${esc(l.statusNew)}</span>`;
  if (status === '8') return `<span class="badge badge-busy">${esc(l.statusProcessing)}</span>`;
  return `<span class="badge">${esc(status ? fill(l.statusOther, { code: status }) : '—')}</span>`;
}

export function selectedEntity(viewer: Viewer, requested: string | null): YokoyLegalEntity | undefined {
  const entities = viewer.organization.legalEntities;
  return entities.find((le) => le.id === requested) ?? entities[0];
}

export function invoicesPage(store: YokoyStore, viewer: Viewer, language: Language, requested: string | null, currentPath: string): string {
  const l = labelsFor(language, viewer.brand);
  const entity = selectedEntity(viewer, requested);
  const options = viewer.organization.legalEntities
    .map((le) => `<option value="${esc(le.id)}"${le.id === entity?.id ? ' selected' : ''}>${esc(le.name)}</option>`)
    .join('');
  const tools = `<form method="get" action="/invoice-processor/invoices" class="select-inline">
  <label for="legal-entity">${esc(l.legalEntity)}</label>
  <select id="legal-entity" name="legalEntity" class="select" data-autosubmit data-testid="legal-entity-select">${options}</select>
  <noscript><button type="submit" class="btn">OK</button></noscript>
</form>`;

  const rows = entity ? invoiceRows(store, viewer.organization.id, entity.id) : [];
  const body = rows.length
    ? `<section class="card" aria-label="${esc(l.invoicesTitle)}">
  <div class="card-header"><h2>${esc(entity?.name ?? '')}</h2><span class="muted">${esc(rows.length === 1 ? l.invoiceCountOne : fill(l.invoiceCount, { count: rows.length }))}</span></div>
  <table id="invoices-table">
    <thead><tr><th scope="col">${esc(l.colInvoiceNumber)}</th><th scope="col">${esc(l.colSupplier)}</th><th scope="col">${esc(l.colInvoiceDate)}</th><th scope="col">${esc(l.colDueDate)}</th><th scope="col" class="num">${esc(l.colTotal)}</th><th scope="col">${esc(l.colStatus)}</th><th scope="col">${esc(l.colReceived)}</th></tr></thead>
    <tbody>${rows
      .map(
        (r) =>
          `<tr data-invoice-id="${esc(r.id)}"><td>${esc(r.invoiceNumber)}${r.isCreditNote ? ` <span class="badge">${esc(l.creditNote)}</span>` : ''}</td><td>${esc(r.supplierName)}</td><td class="nowrap">${esc(formatDate(language, r.date))}</td><td class="nowrap">${esc(formatDate(language, r.dueDate))}</td><td class="num">${esc(formatMoney(language, r.gross, r.currency))}</td><td>${statusBadge(l, r.status)}</td><td>${esc(formatDate(language, r.created, true))}</td></tr>`,
      )
      .join('')}</tbody>
  </table>
</section>`
    : `<section class="card"><p class="empty">${esc(l.noInvoices)}</p></section>`;

  return appPage({ viewer, language, title: l.invoicesTitle, active: 'invoices', currentPath, tools, body });
}
