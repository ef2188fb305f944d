import type { Catalogue } from '../../api/procedures/schema.ts';
import { oneOf, SERVICE_LEVELS, TIERS } from '../../api/procedures/values.ts';
import type { Filters } from './search.ts';

export const filterKeys = ['level', 'field', 'agency', 'tier'] as const;
export type FilterKey = (typeof filterKeys)[number];

/**
 * Filters from the URL. Anything unknown (a stale link, a typo, a removed field) is ignored
 * rather than fatal: the citizen still gets the catalogue.
 */
export const readFilters = (params: URLSearchParams, catalogue: Pick<Catalogue, 'fields' | 'agencies'>): Filters => {
  const level = oneOf(SERVICE_LEVELS, params.get('level'));
  const tier = oneOf(TIERS, params.get('tier'));
  const field = params.get('field');
  const agency = params.get('agency');
  return {
    level,
    tier,
    field: catalogue.fields.some((f) => f.id === field) ? (field ?? undefined) : undefined,
    agency: catalogue.agencies.some((a) => a.id === agency) ? (agency ?? undefined) : undefined,
  };
};

export const activeFilterCount = (filters: Filters): number => filterKeys.filter((k) => filters[k] !== undefined).length;
