import type { FieldProps } from './field-types.ts';

/** A declaration to tick: the label sits beside the box, the error above it. */
export const CheckboxField = ({ rhf, frame }: FieldProps<'checkbox'>) => {
  const { id, label, error } = frame;
  const { value, onChange, onBlur, ref } = rhf;
  return (
    <div className={`field field--checkbox${error ? ' field--error' : ''}`}>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <label className="choice" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={Boolean(value)}
          onChange={(e) => onChange(e.target.checked)}
          onBlur={onBlur}
          ref={ref}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <span>{label}</span>
      </label>
    </div>
  );
};
