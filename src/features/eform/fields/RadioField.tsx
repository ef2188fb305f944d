import { FieldFrame } from '../../../components/forms/FieldFrame.tsx';
import { localText } from '../definition.ts';
import { useEngine } from '../engine-context.ts';
import type { FieldProps } from './field-types.ts';

/** One choice of a few, all in view: a group of radios (the first carries the field's id). */
export const RadioField = ({ field, rhf, frame }: FieldProps<'radio'>) => {
  const { lng } = useEngine();
  return (
    <FieldFrame {...frame} asGroup>
      {(describedBy) => (
        <div className="choices">
          {field.options.map((o, i) => (
            <label key={o.value} className="choice">
              <input
                type="radio"
                id={i === 0 ? frame.id : undefined}
                name={frame.id}
                value={o.value}
                checked={rhf.value === o.value}
                onChange={() => rhf.onChange(o.value)}
                onBlur={rhf.onBlur}
                ref={i === 0 ? rhf.ref : undefined}
                aria-describedby={describedBy}
              />
              <span>{localText(o.label, lng)}</span>
            </label>
          ))}
        </div>
      )}
    </FieldFrame>
  );
};
