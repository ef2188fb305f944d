import { FieldFrame } from '../../../components/forms/FieldFrame.tsx';
import { localText } from '../definition.ts';
import { useEngine } from '../engine-context.ts';
import type { FieldProps } from './field-types.ts';

/** A drop-down list of the definition's options. */
export const SelectField = ({ field, rhf, frame }: FieldProps<'select'>) => {
  const { t, lng } = useEngine();
  return (
    <FieldFrame {...frame}>
      {(describedBy, invalid) => (
        <select id={frame.id} {...rhf} value={String(rhf.value ?? '')} aria-describedby={describedBy} aria-invalid={invalid || undefined}>
          <option value="">{t('choose')}</option>
          {field.options.map((o) => (
            <option key={o.value} value={o.value}>
              {localText(o.label, lng)}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
};
