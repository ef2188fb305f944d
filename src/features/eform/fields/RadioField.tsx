import { Fragment } from 'react';
import { FieldFrame } from '../../../components/forms/FieldFrame.tsx';
import { localText } from '../definition.ts';
import { useEngine } from '../engine-context.ts';
import type { FieldProps } from './field-types.ts';

/**
 * One choice of a few, all in view: a group of radios (the first that can be chosen carries the field's id). A
 * choice not offered (filing for someone else) is shown disabled, its reason beside it.
 */
export const RadioField = ({ field, rhf, frame, notOffered }: FieldProps<'radio'>) => {
  const { lng } = useEngine();
  // The field's id (where an error summary sends the focus) on the first choice that can be made.
  const first = Math.max(0, field.options.findIndex((o) => !notOffered?.values.includes(o.value)));
  return (
    <FieldFrame {...frame} asGroup>
      {(describedBy) => (
        <div className="choices">
          {field.options.map((o, i) => {
            const refused = notOffered?.values.includes(o.value) ?? false;
            const reasonId = `${frame.id}-${o.value}-not-offered`;
            return (
              <Fragment key={o.value}>
                <label className={refused ? 'choice choice--not-offered' : 'choice'}>
                  <input
                    type="radio"
                    id={i === first ? frame.id : undefined}
                    name={frame.id}
                    value={o.value}
                    checked={rhf.value === o.value}
                    disabled={refused}
                    onChange={() => rhf.onChange(o.value)}
                    onBlur={rhf.onBlur}
                    ref={i === first ? rhf.ref : undefined}
                    aria-describedby={[describedBy, refused ? reasonId : undefined].filter(Boolean).join(' ') || undefined}
                  />
                  <span>{localText(o.label, lng)}</span>
                </label>
                {refused ? (
                  <p className="hint choice__reason" id={reasonId}>
                    {notOffered?.reason}
                  </p>
                ) : null}
              </Fragment>
            );
          })}
        </div>
      )}
    </FieldFrame>
  );
};
