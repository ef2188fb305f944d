import { useEffect, useState } from 'react';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { communesQueryOptions, provincesQueryOptions } from '../../../api/admin-units/queries.ts';
import { isApiError } from '../../../api/errors.ts';
import { useOnline } from '../../../lib/use-online.ts';
import type { AddressValue } from '../definition.ts';
import { filterPlaces } from './place-search.ts';

interface Props {
  id: string;
  value: AddressValue;
  onChange: (value: AddressValue) => void;
  onBlur: () => void;
  describedBy: string | undefined;
  invalid: boolean;
}

/** No list yet and no network to fetch it: a list never loaded on this device (one once seen is cached). */
const needsConnection = (query: UseQueryResult<unknown>, online: boolean): boolean =>
  query.data === undefined && (query.fetchStatus === 'paused' || (query.isError && (!online || (isApiError(query.error) && query.error.kind === 'offline'))));

/**
 * Province → commune/ward (two tiers since 1/7/2025) → house number and street or hamlet.
 * A province's communes are fetched when it is picked (never the whole country at once); the
 * service worker keeps each list it has seen, so a province picked once works offline later.
 */
export const AddressInput = ({ id, value, onChange, onBlur, describedBy, invalid }: Props) => {
  const { t } = useTranslation(['eform', 'common']);
  const online = useOnline();
  const [search, setSearch] = useState('');
  const provinces = useQuery(provincesQueryOptions());
  const communes = useQuery({ ...communesQueryOptions(value.provinceCode), enabled: Boolean(value.provinceCode) });
  const allCommunes = communes.data ?? [];
  const communeList = filterPlaces(allCommunes, search);
  const provincesOffline = needsConnection(provinces, online);
  // Back online: fetch a list that failed for want of a network. React Query alone would not
  // when the page was loaded offline (its online manager starts out "online").
  const { refetch: refetchProvinces } = provinces;
  const { refetch: refetchCommunes } = communes;
  const provincesFailed = provinces.isError && provinces.data === undefined;
  const communesFailed = communes.isError && communes.data === undefined;
  useEffect(() => {
    if (online && provincesFailed) void refetchProvinces();
  }, [online, provincesFailed, refetchProvinces]);
  useEffect(() => {
    if (online && communesFailed) void refetchCommunes();
  }, [online, communesFailed, refetchCommunes]);
  const communesOffline = Boolean(value.provinceCode) && needsConnection(communes, online);
  return (
    <div className="address">
      <label htmlFor={`${id}-province`}>{t('address.province')}</label>
      <select
        id={`${id}-province`}
        value={value.provinceCode}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        onBlur={onBlur}
        onChange={(e) => {
          const province = provinces.data?.find((p) => p.code === e.target.value);
          onChange({ ...value, provinceCode: e.target.value, provinceName: province?.name ?? '', communeCode: '', communeName: '' });
        }}
      >
        <option value="">{provinces.isPending ? t('address.loading') : t('address.choose')}</option>
        {value.provinceCode && !provinces.data ? <option value={value.provinceCode}>{value.provinceName}</option> : null}
        {provinces.data?.map((p) => (
          <option key={p.code} value={p.code}>
            {p.name}
          </option>
        ))}
      </select>
      {value.provinceCode ? (
        <>
          <label htmlFor={`${id}-commune-search`}>{t('address.search')}</label>
          <input
            id={`${id}-commune-search`}
            type="search"
            value={search}
            autoComplete="off"
            aria-controls={`${id}-commune`}
            onChange={(e) => setSearch(e.target.value)}
          />
        </>
      ) : null}
      <label htmlFor={`${id}-commune`}>{t('address.commune')}</label>
      <select
        id={`${id}-commune`}
        value={value.communeCode}
        disabled={!value.provinceCode}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        onBlur={onBlur}
        onChange={(e) => {
          const commune = allCommunes.find((c) => c.code === e.target.value);
          onChange({ ...value, communeCode: e.target.value, communeName: commune?.name ?? '' });
        }}
      >
        <option value="">{communes.isFetching ? t('address.loading') : t('address.choose')}</option>
        {value.communeCode && !communeList.some((c) => c.code === value.communeCode) ? <option value={value.communeCode}>{value.communeName}</option> : null}
        {communeList.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </select>
      <div role="status" className="address__status">
        {communes.data && search.trim() && communeList.length === 0 ? <p className="hint">{t('address.noMatch', { query: search.trim() })}</p> : null}
        {provincesOffline || communesOffline ? (
          <p className="field-error">
            {provincesOffline ? t('address.provincesNeedConnection') : t('address.communesNeedConnection', { province: value.provinceName })}
          </p>
        ) : communesFailed || provincesFailed ? (
          <>
            <p className="field-error">{t('address.unavailable')}</p>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                if (provincesFailed) void refetchProvinces();
                if (communesFailed) void refetchCommunes();
              }}
            >
              {t('common:errors.retry')}
            </button>
          </>
        ) : null}
      </div>
      <label htmlFor={id}>{t('address.line')}</label>
      <input
        id={id}
        type="text"
        value={value.line}
        autoComplete="street-address"
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        onBlur={onBlur}
        onChange={(e) => onChange({ ...value, line: e.target.value })}
      />
    </div>
  );
};
