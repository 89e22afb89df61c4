/**
 * `GET /legal-entities` and `GET /legal-entities/{legalEntityId}`: the description's
 * LegalEntity (id, name, code, language, policies, categories, taxRates). The store's extra
 * `country`/`currency` are not part of that schema and are not served. The list is not
 * paginated; it takes the same SCIM `filter` as invoices.
 */
import type { ApiCtx } from './context';
import { compileFilter } from './filter';
import { apiError, ok, type Reply } from './reply';
import type { YokoyLegalEntity } from './store';

export function legalEntityJson(le: YokoyLegalEntity) {
  return { id: le.id, name: le.name, code: le.code, language: le.language, policies: [], categories: [], taxRates: [] };
}

export function listLegalEntities(ctx: ApiCtx): Reply {
  const org = ctx.store.organizations.get(ctx.params.org ?? '');
  const filter = compileFilter(ctx.url.searchParams.get('filter'));
  if ('error' in filter) return apiError(400, filter.error);
  const all = (org?.legalEntities ?? []).map(legalEntityJson);
  return ok({ legalEntities: filter.predicate ? all.filter(filter.predicate) : all });
}

export function getLegalEntity(ctx: ApiCtx): Reply {
  const le = ctx.store.legalEntity(ctx.params.org ?? '', ctx.params.le ?? '');
  return le ? ok(legalEntityJson(le)) : apiError(404);
}
