import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Input ids from field paths ("members.0.fullName" → "f-members-0-fullName"). */
export const inputId = (path: string): string => `f-${path.replace(/\./g, '-')}`;

interface Props {
  path: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required: boolean;
  /** Provenance note under the label (where a pre-filled value came from). */
  note?: ReactNode;
  children: (describedBy: string | undefined, invalid: boolean) => ReactNode;
  /** Radios and address parts are groups: a fieldset with a legend instead of a label. */
  asGroup?: boolean;
}

export const FieldFrame = ({ path, label, hint, error, required, note, children, asGroup = false }: Props) => {
  const { t } = useTranslation('eform');
  const id = inputId(path);
  const describedBy = [hint ? `${id}-hint` : null, note ? `${id}-note` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const labelText = (
    <>
      {label}
      {required ? null : <span className="optional"> {t('optional')}</span>}
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
          <span className="visually-hidden">{t('errorPrefix')}</span>
          {t(error as 'validation.required')}
        </p>
      ) : null}
      {children(describedBy, Boolean(error))}
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
