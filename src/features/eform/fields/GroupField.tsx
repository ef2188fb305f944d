import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { GroupField as GroupFieldDefinition } from '../../../api/forms/schema.ts';
import { emptyGroupItem, localText, matches, type Values } from '../definition.ts';
import { useEngine } from '../engine-context.ts';
import { inputId } from './input-id.ts';
import { ProvenanceNote } from './Provenance.tsx';
import { errorAt, Field } from './Field.tsx';

/** A repeating group (children, household members): each item its own fieldset of fields. */
export const GroupField = ({ field }: { field: GroupFieldDefinition }) => {
  const { t, i18n } = useTranslation('eform');
  const { control, formState } = useFormContext<Values>();
  const { fields, append, remove } = useFieldArray({ control, name: field.id as never });
  const items = (useWatch({ control, name: field.id }) as Values[] | undefined) ?? [];
  const lng = i18n.language;
  const error = errorAt(formState.errors, field.id);
  const origin = useEngine().provenance[field.id];
  return (
    <fieldset className="group" id={`${inputId(field.id)}-group`}>
      <legend className="field__label">{localText(field.label, lng)}</legend>
      {field.hint ? <p className="hint">{localText(field.hint, lng)}</p> : null}
      {origin ? (
        <div className="provenance">
          <ProvenanceNote provenance={origin} />
        </div>
      ) : null}
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
          {field.fields
            .filter((sub) => matches(sub.visibleWhen, items[index] ?? {}))
            .map((sub) => (
              <Field key={sub.id} field={sub} path={`${field.id}.${index}.${sub.id}`} scope={items[index] ?? {}} />
            ))}
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
};
