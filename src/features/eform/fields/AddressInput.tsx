import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { communesQueryOptions, provincesQueryOptions } from '../../../api/admin-units/queries.ts';
import type { AddressValue } from '../definition.ts';

interface Props {
  id: string;
  value: AddressValue;
  onChange: (value: AddressValue) => void;
  onBlur: () => void;
  describedBy: string | undefined;
  invalid: boolean;
}

/** Province → commune/ward (two tiers since 1/7/2025) → house number and street or hamlet. */
export const AddressInput = ({ id, value, onChange, onBlur, describedBy, invalid }: Props) => {
  const { t } = useTranslation('eform');
  const provinces = useQuery(provincesQueryOptions());
  const communes = useQuery({ ...communesQueryOptions(value.provinceCode), enabled: Boolean(value.provinceCode) });
  const communeList = communes.data ?? [];
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
      <label htmlFor={`${id}-commune`}>{t('address.commune')}</label>
      <select
        id={`${id}-commune`}
        value={value.communeCode}
        disabled={!value.provinceCode}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        onBlur={onBlur}
        onChange={(e) => {
          const commune = communeList.find((c) => c.code === e.target.value);
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
      {communes.isError || provinces.isError ? <p className="field-error">{t('address.unavailable')}</p> : null}
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
