import { useTranslation } from 'react-i18next';
import type { Part } from '../../api/procedures/localize.ts';
import type { ProcedureText } from './use-localized-procedure.ts';

/**
 * Says plainly, to the eye and to a screen reader (before the part, or after a short fact's
 * value, in the page's language), that a part is shown in Vietnamese because the backend has it
 * in no other language.
 */
export const ViOnly = ({ part, text }: { part: Part<unknown> | undefined; text: ProcedureText }) => {
  const { t } = useTranslation('catalogue');
  // While the translation loads, or when it could not, nothing is known to be missing.
  if (!part?.fallback || text.translation !== 'loaded') return null;
  return (
    <p className="vi-only">
      <span className="vi-only__mark" aria-hidden="true">
        VI
      </span>
      {t('detail.viOnly')}
    </p>
  );
};

