import { useTranslation } from 'react-i18next';
import { viLang } from './use-localized-procedure.ts';

/**
 * A procedure's name in the reader's language: its English name (`nameEn`, from the catalogue) on
 * a page in any other language than Vietnamese, when it is at hand; the official Vietnamese,
 * marked `lang="vi"`, otherwise (a dossier or a queued submission keeps only that one).
 */
export const ProcedureName = ({ procedure }: { procedure: { name: string; nameEn?: string | undefined } }) => {
  const { i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? 'vi';
  if (lng !== 'vi' && procedure.nameEn) return <span>{procedure.nameEn}</span>;
  return <span lang={viLang(lng)}>{procedure.name}</span>;
};
