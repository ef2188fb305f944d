import { FieldFrame } from '../../../components/forms/FieldFrame.tsx';
import { useEngine } from '../engine-context.ts';
import type { FieldSlotProps } from './field-types.ts';

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

/**
 * A text box: names, numbers, dates (dd/mm/yyyy typed, not a picker), ID numbers, phones, e-mails.
 * The browser keeps what is typed (`register`, not a controlled value): a keystroke re-renders
 * nothing — on a cheap phone, a controlled box re-rendered and re-set its attributes on every key.
 * react-hook-form reads the value on each change and writes it in when the form sets one.
 */
export const InputField = ({ field, path, frame }: FieldSlotProps<InputFieldType>) => {
  const { register } = useEngine();
  const props = inputProps[field.type];
  return (
    <FieldFrame {...frame}>
      {(describedBy, invalid) => (
        <input
          id={frame.id}
          {...props}
          autoComplete={props.autoComplete ?? 'off'}
          {...register(path)}
          spellCheck={false}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className={short.has(field.type) ? 'input--short' : undefined}
        />
      )}
    </FieldFrame>
  );
};
