import { Controller, useFieldArray, useFormContext, useWatch, type FieldError, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { GroupField, LeafField } from '../../../api/forms/schema.ts';
import { emptyGroupItem, formatAddress, localText, matches, type AddressValue, type Values } from '../definition.ts';
import { useEngine } from '../engine-context.ts';
import { FieldFrame, inputId } from './FieldFrame.tsx';
import { ProvenanceNote } from './Provenance.tsx';
import { AddressInput } from './AddressInput.tsx';

const errorAt = (errors: FieldErrors, path: string): string | undefined => {
  let node: unknown = errors;
  for (const part of path.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return (node as FieldError | undefined)?.message;
};

const inputProps: Partial<Record<LeafField['type'], { type: string; inputMode?: 'numeric' | 'tel' | 'email'; autoComplete?: string }>> = {
  text: { type: 'text' },
  number: { type: 'text', inputMode: 'numeric' },
  date: { type: 'text', inputMode: 'numeric' },
  idNumber: { type: 'text', inputMode: 'numeric' },
  phone: { type: 'tel', inputMode: 'tel', autoComplete: 'tel' },
  email: { type: 'email', inputMode: 'email', autoComplete: 'email' },
};

/** A value as read aloud on the page (locked fields and the check-your-answers page). */
export const displayValue = (field: LeafField, value: unknown, lng: string, noAnswer: string): string => {
  if (value === undefined || value === null || value === '') return noAnswer;
  switch (field.type) {
    case 'select':
    case 'radio':
      return localText(field.options.find((o) => o.value === value)?.label, lng) || String(value);
    case 'address':
      return formatAddress(value) || noAnswer;
    case 'checkbox':
      return value ? '✓' : noAnswer;
    default:
      return String(value);
  }
};

export const Field = ({ field, path, scope }: { field: LeafField; path: string; scope?: Values }) => {
  const { t, i18n } = useTranslation('eform');
  const { control, formState } = useFormContext<Values>();
  const { provenance, onReportWrong, dataStore } = useEngine();
  const lng = i18n.language;
  const label = localText(field.label, lng);
  const hint = field.type === 'date' ? [localText(field.hint, lng), t('hints.date')].filter(Boolean).join(' ') : localText(field.hint, lng) || undefined;
  const error = errorAt(formState.errors, path);
  const origin = scope ? undefined : provenance[field.id];
  const id = inputId(path);

  if (origin?.locked) {
    return (
      <Controller
        control={control}
        name={path}
        render={({ field: rhf }) => {
          const shown = displayValue(field, rhf.value, lng, t('noAnswer'));
          return (
            <div className="field field--locked" id={`${id}-group`}>
              <p className="field__label" id={`${id}-label`}>
                {label}
              </p>
              <p className="locked-value" id={id} tabIndex={-1} aria-describedby={`${id}-note`}>
                {shown}
              </p>
              <div className="provenance" id={`${id}-note`}>
                <ProvenanceNote provenance={origin} />
              </div>
              <button type="button" className="button button--link" onClick={() => onReportWrong(field.id, label, shown)}>
                {t('reportWrong')}
              </button>
            </div>
          );
        }}
      />
    );
  }

  const note = origin ? <ProvenanceNote provenance={origin} /> : undefined;
  return (
    <Controller
      control={control}
      name={path}
      render={({ field: rhf }) => {
        switch (field.type) {
          case 'checkbox':
            return (
              <div className={`field field--checkbox${error ? ' field--error' : ''}`}>
                {error ? (
                  <p className="field-error" id={`${id}-error`}>
                    {t(error as 'validation.required')}
                  </p>
                ) : null}
                <label className="choice" htmlFor={id}>
                  <input
                    id={id}
                    type="checkbox"
                    checked={Boolean(rhf.value)}
                    onChange={(e) => rhf.onChange(e.target.checked)}
                    onBlur={rhf.onBlur}
                    ref={rhf.ref}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${id}-error` : undefined}
                  />
                  <span>{label}</span>
                </label>
              </div>
            );
          case 'radio':
            return (
              <FieldFrame path={path} label={label} hint={hint} error={error} required={field.required} note={note} asGroup>
                {(describedBy) => (
                  <div className="choices">
                    {field.options.map((o, i) => (
                      <label key={o.value} className="choice">
                        <input
                          type="radio"
                          id={i === 0 ? id : undefined}
                          name={id}
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
          case 'select':
            return (
              <FieldFrame path={path} label={label} hint={hint} error={error} required={field.required} note={note}>
                {(describedBy, invalid) => (
                  <select id={id} {...rhf} value={String(rhf.value ?? '')} aria-describedby={describedBy} aria-invalid={invalid || undefined}>
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
          case 'address':
            return (
              <FieldFrame path={path} label={label} hint={hint} error={error} required={field.required} note={note} asGroup>
                {(describedBy, invalid) => (
                  <AddressInput
                    id={id}
                    value={rhf.value as AddressValue}
                    onChange={rhf.onChange}
                    onBlur={rhf.onBlur}
                    describedBy={describedBy}
                    invalid={invalid}
                  />
                )}
              </FieldFrame>
            );
          case 'document': {
            const documents = dataStore?.documents.filter((d) => field.documentTypes.includes(d.type)) ?? [];
            return (
              <FieldFrame path={path} label={label} hint={hint} error={error} required={field.required} note={note} asGroup>
                {(describedBy) =>
                  !dataStore ? (
                    <p className="hint">{t('documents.needConnection')}</p>
                  ) : (
                    <div className="choices">
                      {documents.map((d, i) => (
                        <label key={d.id} className="choice">
                          <input
                            type="radio"
                            id={i === 0 ? id : undefined}
                            name={id}
                            checked={rhf.value === d.id}
                            onChange={() => rhf.onChange(d.id)}
                            aria-describedby={describedBy}
                          />
                          <span>
                            {d.title} — {d.number}
                          </span>
                        </label>
                      ))}
                      <label className="choice">
                        <input type="radio" id={documents.length === 0 ? id : undefined} name={id} checked={!rhf.value} onChange={() => rhf.onChange('')} />
                        <span>{t('documents.none')}</span>
                      </label>
                    </div>
                  )
                }
              </FieldFrame>
            );
          }
          default: {
            const props = inputProps[field.type] ?? { type: 'text' };
            return (
              <FieldFrame path={path} label={label} hint={hint} error={error} required={field.required} note={note}>
                {(describedBy, invalid) => (
                  <input
                    id={id}
                    {...props}
                    autoComplete={props.autoComplete ?? (field.type === 'text' && field.kind === 'name' ? 'off' : 'off')}
                    name={rhf.name}
                    value={String(rhf.value ?? '')}
                    onChange={(e) => rhf.onChange(e.target.value)}
                    onBlur={rhf.onBlur}
                    ref={rhf.ref}
                    spellCheck={false}
                    aria-describedby={describedBy}
                    aria-invalid={invalid || undefined}
                    className={field.type === 'date' || field.type === 'idNumber' || field.type === 'number' ? 'input--short' : undefined}
                  />
                )}
              </FieldFrame>
            );
          }
        }
      }}
    />
  );
};

export const Group = ({ field }: { field: GroupField }) => {
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
