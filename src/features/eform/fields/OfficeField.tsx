import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { officesQueryOptions } from '../../../api/procedures/queries.ts';
import type { Office } from '../../../api/procedures/schema.ts';
import type { DataStoreView } from '../../../api/me/schema.ts';
import { FieldFrame } from '../../../components/forms/FieldFrame.tsx';
import { useDataStore, useEngine } from '../engine-context.ts';
import type { FieldProps } from './field-types.ts';

/** The provinces of the citizen's current and permanent addresses, current first. */
export const provincesOf = (store: DataStoreView | undefined): string[] =>
  [...new Set([store?.citizen.currentAddress?.provinceCode, store?.citizen.permanentAddress?.provinceCode].filter((code): code is string => code !== undefined))];

/** The office for where the citizen lives: their commune's, else their province's, else the only one. */
export const officeForAddress = (offices: readonly Office[], store: DataStoreView | undefined): Office | undefined => {
  // Helping a resident whose consent leaves out their residence: no address, so no office chosen for them.
  const addresses = [store?.citizen.currentAddress, store?.citizen.permanentAddress].filter((a) => a !== undefined);
  for (const address of addresses) {
    const found =
      offices.find((o) => o.communeCodes?.includes(address.communeCode)) ??
      offices.find((o) => o.provinceCode === address.provinceCode && o.communeCodes === undefined);
    if (found) return found;
  }
  return offices.length === 1 ? offices[0] : undefined;
};

/**
 * The receiving agency, chosen from the offices that handle the procedure in the citizen's
 * provinces; the one for their commune is chosen already. Never typed: the backend refuses
 * anything that is not one of its offices.
 */
export const OfficeField = ({ rhf, frame }: FieldProps<'office'>) => {
  const { t, procedureId } = useEngine();
  const dataStore = useDataStore();
  const provinces = provincesOf(dataStore);
  const offices = useQuery({ ...officesQueryOptions(procedureId, provinces), enabled: provinces.length > 0 });
  const list = offices.data?.offices ?? [];
  const value = typeof rhf.value === 'string' ? rhf.value : '';
  const known = list.some((o) => o.id === value);
  const preselected = officeForAddress(list, dataStore)?.id;
  const { onChange } = rhf;
  // Nothing chosen yet (or a choice no longer offered, e.g. text from an older form): the office for their address.
  useEffect(() => {
    if (list.length > 0 && !known && preselected) onChange(preselected);
  }, [list.length, known, preselected, onChange]);

  return (
    <FieldFrame {...frame}>
      {(describedBy, invalid) =>
        list.length === 0 ? (
          <p className="hint" id={frame.id} tabIndex={-1}>
            {offices.isError || (!dataStore && !offices.isPending) || provinces.length === 0 ? t('office.needConnection') : t('office.loading')}
          </p>
        ) : (
          <select id={frame.id} {...rhf} value={known ? value : ''} aria-describedby={describedBy} aria-invalid={invalid || undefined}>
            <option value="">{t('choose')}</option>
            {list.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        )
      }
    </FieldFrame>
  );
};
