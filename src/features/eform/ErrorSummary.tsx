import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { inputId } from './fields/FieldFrame.tsx';

export interface SummaryItem {
  path: string;
  label: string;
  message: string;
}

/**
 * On a failed submit: a focused summary whose links move focus to the field (GOV.UK
 * error-summary pattern: the browser would otherwise scroll the label out of view).
 */
export const ErrorSummary = forwardRef<HTMLDivElement, { items: SummaryItem[] }>(function ErrorSummary({ items }, ref) {
  const { t } = useTranslation('eform');
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t('summary.title', { count: items.length })}</h2>
      <ul>
        {items.map((item) => (
          <li key={item.path}>
            <a
              href={`#${inputId(item.path)}`}
              onClick={(e) => {
                e.preventDefault();
                const target = document.getElementById(inputId(item.path));
                target?.focus();
                (document.getElementById(`${inputId(item.path)}-group`) ?? target)?.scrollIntoView({ block: 'center' });
              }}
            >
              {item.label}: {t(item.message as 'validation.required')}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
});
