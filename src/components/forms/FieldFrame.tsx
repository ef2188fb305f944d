import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** The input's id; the hint, note, error and information take `<id>-hint`, `<id>-note`, `<id>-error`, `<id>-info`. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** The message, translated: shown above the input and read with it. */
  error?: string | undefined;
  /** Marks the label "(optional)". */
  optional?: boolean;
  /** Under the hint, e.g. where a pre-filled value came from. */
  note?: ReactNode;
  /**
   * Information about the value given, never an error (the form can be sent): under the input,
   * read with it, and announced as it appears. Pass `null` for nothing yet, so the announcing
   * region is there before its message; leave it out for a field that never has one.
   */
  info?: ReactNode;
  children: (describedBy: string | undefined, invalid: boolean) => ReactNode;
  /** Radios and address parts are groups: a fieldset with a legend instead of a label. */
  asGroup?: boolean;
}

/** One form field's frame — label, hint, note, error, then the input — for every form of the app. */
export const FieldFrame = ({ id, label, hint, error, optional = false, note, info, children, asGroup = false }: Props) => {
  const { t } = useTranslation();
  const describedBy = [hint ? `${id}-hint` : null, note ? `${id}-note` : null, error ? `${id}-error` : null, info ? `${id}-info` : null].filter(Boolean).join(' ') || undefined;
  const labelText = (
    <>
      {label}
      {optional ? <span className="optional"> {t('form.optional')}</span> : null}
    </>
  );
  const body = (
    <>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {note ? (
        <div className="provenance" id={`${id}-note`}>
          {note}
        </div>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">{t('form.errorPrefix')}</span>
          {error}
        </p>
      ) : null}
      {children(describedBy, Boolean(error))}
      {info === undefined ? null : (
        <div aria-live="polite">
          {info ? (
            <p className="field-info" id={`${id}-info`}>
              {info}
            </p>
          ) : null}
        </div>
      )}
    </>
  );
  return asGroup ? (
    <fieldset className={`field${error ? ' field--error' : ''}`} id={`${id}-group`}>
      <legend className="field__label">{labelText}</legend>
      {body}
    </fieldset>
  ) : (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {labelText}
      </label>
      {body}
    </div>
  );
};
