import { memo } from 'react';
import { useFieldArray, useFormState } from 'react-hook-form';
import type { GroupField as GroupFieldDefinition } from '../../../api/forms/schema.ts';
import { emptyGroupItem, localText, type Values } from '../definition.ts';
import { useEngine } from '../engine-context.ts';
import { inputId } from './input-id.ts';
import { ProvenanceMark } from './Provenance.tsx';
import { errorAt, Field } from './Field.tsx';
import { When } from './When.tsx';

/**
 * A repeating group (children, household members): each item its own fieldset of fields. It
 * re-renders when items are added or removed and when its own error changes, not as items are typed in.
 */
export const GroupField = memo(function GroupField({ field }: { field: GroupFieldDefinition }) {
  const { fields, append, remove } = useFieldArray<Values>({ name: field.id as never });
  const { errors } = useFormState<Values>({ name: field.id, exact: true });
  const { t, lng, provenance } = useEngine();
  const error = errorAt(errors, field.id);
  const origin = provenance[field.id];
  return (
    <fieldset className="group" id={`${inputId(field.id)}-group`}>
      <legend className="field__label">{localText(field.label, lng)}</legend>
      {field.hint ? <p className="hint">{localText(field.hint, lng)}</p> : null}
      {origin ? <ProvenanceMark provenance={origin} id={`${inputId(field.id)}-source`} /> : null}
      {error ? (
        <p className="field-error" id={inputId(field.id)} tabIndex={-1}>
          {t(error as 'validation.required')}
        </p>
      ) : null}
      {fields.map((item, index) => (
        <fieldset key={item.id} className="group__item">
          <legend>
            {localText(field.itemLabel, lng)} {index + 1}
          </legend>
          {field.fields.map((sub) =>
            sub.visibleWhen ? (
              <When key={sub.id} condition={sub.visibleWhen} base={`${field.id}.${index}`}>
                <Field field={sub} path={`${field.id}.${index}.${sub.id}`} inGroup />
              </When>
            ) : (
              <Field key={sub.id} field={sub} path={`${field.id}.${index}.${sub.id}`} inGroup />
            ),
          )}
          <button type="button" className="button button--secondary" onClick={() => remove(index)}>
            {t('group.remove', { item: `${localText(field.itemLabel, lng)} ${index + 1}` })}
          </button>
        </fieldset>
      ))}
      {fields.length < field.max ? (
        <button type="button" className="button button--secondary" onClick={() => append(emptyGroupItem(field) as never)}>
          {t('group.add', { item: localText(field.itemLabel, lng).toLocaleLowerCase(lng) })}
        </button>
      ) : null}
    </fieldset>
  );
});
