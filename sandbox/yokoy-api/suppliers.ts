/**
 * `GET /legal-entities/{legalEntityId}/suppliers`: the description's Supplier (an
 * OrganizationSupplier joined with its LegalEntitySupplier), reduced to what the store keeps:
 * `id` (what an invoice's `supplierId` names), `supplierId`, `name`, `taxNumber`,
 * `countryCode`. Not paginated; SCIM `filter` as everywhere.
 */
import type { ApiCtx } from './context';
import { compileFilter } from './filter';
import { apiError, ok, type Reply } from './reply';

export function listSuppliers(ctx: ApiCtx): Reply {
  const org = ctx.params.org ?? '';
  const le = ctx.store.legalEntity(org, ctx.params.le ?? '');
  if (!le) return apiError(404);
  const filter = compileFilter(ctx.url.searchParams.get('filter'));
  if ('error' in filter) return apiError(400, filter.error);
  const all = [...ctx.store.suppliers.values()]
    .filter((s) => s.organizationId === org && s.legalEntityId === le.id)
    .map((s) => ({
      id: s.id,
      supplierId: s.id,
      name: s.name,
      taxNumber: s.vatId ?? null,
      countryCode: s.country ?? null,
      statusActive: true,
    }));
  return ok({ suppliers: filter.predicate ? all.filter(filter.predicate) : all });
}
