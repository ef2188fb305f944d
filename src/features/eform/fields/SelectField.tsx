import { FieldFrame } from '../../../components/forms/FieldFrame.tsx';
import { localText } from '../definition.ts';
import { useEngine } from '../engine-context.ts';
import type { FieldProps } from './field-types.ts';

/** A drop-down list of the definition's options (one not offered when filing for someone else: disabled, saying why). */
export const SelectField = ({ field, rhf, frame, notOffered }: FieldProps<'select'>) => {
  const { t, lng } = useEngine();
  return (
    <FieldFrame {...frame}>
      {(describedBy, invalid) => (
        <select id={frame.id} {...rhf} value={String(rhf.value ?? '')} aria-describedby={describedBy} aria-invalid={invalid || undefined}>
          <option value="">{t('choose')}</option>
          {field.options.map((o) => (
            // Not offered when filing for someone else: disabled, its reason in its own text.
            <option key={o.value} value={o.value} disabled={notOffered?.values.includes(o.value)}>
              {notOffered?.values.includes(o.value) ? `${localText(o.label, lng)} (${notOffered.reason})` : localText(o.label, lng)}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
};
