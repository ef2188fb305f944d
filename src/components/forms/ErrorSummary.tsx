import { useId, type ReactNode, type Ref } from 'react';

export interface ErrorSummaryItem {
  key: string;
  text: ReactNode;
  /** The id of the input to fix; without one the item is plain text. */
  target?: string | undefined;
}

/** Focus the input, and bring its group (`<id>-group`, when there is one) or itself into view. */
export const focusField = (target: string): void => {
  const input = document.getElementById(target);
  input?.focus();
  (document.getElementById(`${target}-group`) ?? input)?.scrollIntoView?.({ block: 'center' });
};

/**
 * After a failed submit: a focusable summary whose links move focus to the field (GOV.UK
 * error-summary pattern: the browser would otherwise scroll the label out of view). The page
 * focuses it through `ref`.
 */
export const ErrorSummary = ({ title, items, ref }: { title: string; items: ErrorSummaryItem[]; ref?: Ref<HTMLDivElement> }) => {
  const titleId = useId();
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      <ul>
        {items.map((item) => (
          <li key={item.key}>
            {item.target ? (
              <a
                href={`#${item.target}`}
                onClick={(e) => {
                  e.preventDefault();
                  focusField(item.target!);
                }}
              >
                {item.text}
              </a>
            ) : (
              item.text
            )}
          </li>
        ))}
      </ul>
    </div>
  );
};
