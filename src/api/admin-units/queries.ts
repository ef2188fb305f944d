import { queryOptions } from '@tanstack/react-query';
import { getCommunes, getProvinces } from './requests.ts';

export const adminUnitKeys = {
  all: ['admin-units'] as const,
  provinces: () => [...adminUnitKeys.all, 'provinces'] as const,
  communes: (provinceCode: string) => [...adminUnitKeys.all, 'communes', provinceCode] as const,
};

/** Administrative units change by resolution, not by the hour. */
export const provincesQueryOptions = () =>
  queryOptions({ queryKey: adminUnitKeys.provinces(), queryFn: ({ signal }) => getProvinces(signal), staleTime: Infinity, networkMode: 'offlineFirst' });

export const communesQueryOptions = (provinceCode: string) =>
  queryOptions({
    queryKey: adminUnitKeys.communes(provinceCode),
    queryFn: ({ signal }) => getCommunes(provinceCode, signal),
    staleTime: Infinity,
    networkMode: 'offlineFirst',
  });
