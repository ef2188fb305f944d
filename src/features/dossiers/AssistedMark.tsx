import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AssistedBy } from '../../api/assisted/schema.ts';

/**
 * "Filed with help from <volunteer>": a dossier a volunteer filed for the citizen under their
 * consent (docs/domain/assisted.md). The detail page links to the audit trail at /me/help.
 */
export const AssistedMark = ({ assistedBy, detail = false }: { assistedBy: AssistedBy | undefined; detail?: boolean }) => {
  const { t } = useTranslation('dossiers');
  if (!assistedBy) return null;
  const v = assistedBy.volunteer;
  return (
    <p className="assisted-mark">
      <strong>{t('assisted.filedWithHelp', { name: v.name })}</strong>
      {detail ? (
        <>
          {' '}
          <span className="hint">({t('assisted.team', { team: v.team, commune: v.communeName })})</span> <Link to="/me/help">{t('assisted.audit')}</Link>
        </>
      ) : null}
    </p>
  );
};
