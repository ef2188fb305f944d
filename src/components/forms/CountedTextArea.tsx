import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldFrame } from './FieldFrame.tsx';

interface Props {
  /** The textarea's id; the counter takes `<id>-count` (FieldFrame's ids besides). */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** The message, translated (FieldFrame shows it above the box). */
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  /** The most characters the backend accepts. */
  max: number;
  inputRef?: Ref<HTMLTextAreaElement>;
  className?: string;
  rows?: number;
}

/**
 * A box for free text with a limit — a question, a problem report, a rating's comment: the
 * label, hint and error of every field, and under the box how many characters it holds of how
 * many; past the limit the counter says by how many, in words as well as in the error colour.
 * Nothing typed is ever cut: the person shortens it. The counter is part of the box's
 * description, read when the box is reached, not announced at every keystroke.
 */
export const CountedTextArea = ({ id, label, hint, error, value, onChange, max, inputRef, className, rows = 4 }: Props) => {
  const { t } = useTranslation();
  const count = value.length;
  const over = count - max;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(describedBy, invalid) => (
        <>
          <textarea
            ref={inputRef}
            id={id}
            className={className}
            rows={rows}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            aria-describedby={[describedBy, `${id}-count`].filter(Boolean).join(' ')}
            aria-invalid={invalid || undefined}
          />
          <p className={over > 0 ? 'field-error' : 'hint'} id={`${id}-count`}>
            {over > 0 ? t('form.countOver', { count, max, over }) : t('form.count', { count, max })}
          </p>
        </>
      )}
    </FieldFrame>
  );
};
