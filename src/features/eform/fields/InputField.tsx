import { FieldFrame } from '../../../components/forms/FieldFrame.tsx';
import type { FieldProps } from './field-types.ts';

/** The field types typed into a text box. */
export type InputFieldType = 'text' | 'number' | 'date' | 'idNumber' | 'phone' | 'email';

const inputProps: Record<InputFieldType, { type: string; inputMode?: 'numeric' | 'tel' | 'email'; autoComplete?: string }> = {
  text: { type: 'text' },
  number: { type: 'text', inputMode: 'numeric' },
  date: { type: 'text', inputMode: 'numeric' },
  idNumber: { type: 'text', inputMode: 'numeric' },
  phone: { type: 'tel', inputMode: 'tel', autoComplete: 'tel' },
  email: { type: 'email', inputMode: 'email', autoComplete: 'email' },
};

const short = new Set<InputFieldType>(['date', 'idNumber', 'number']);

/** A text box: names, numbers, dates (dd/mm/yyyy typed, not a picker), ID numbers, phones, e-mails. */
export const InputField = ({ field, rhf, frame }: FieldProps<InputFieldType>) => {
  const props = inputProps[field.type];
  return (
    <FieldFrame {...frame}>
      {(describedBy, invalid) => (
        <input
          id={frame.id}
          {...props}
          autoComplete={props.autoComplete ?? 'off'}
          name={rhf.name}
          value={String(rhf.value ?? '')}
          onChange={(e) => rhf.onChange(e.target.value)}
          onBlur={rhf.onBlur}
          ref={rhf.ref}
          spellCheck={false}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className={short.has(field.type) ? 'input--short' : undefined}
        />
      )}
    </FieldFrame>
  );
};
