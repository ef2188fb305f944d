import { useTranslation } from 'react-i18next';
import type { ServiceLevel } from '../api/procedures/schema.ts';

/** Both words citizens meet: Decree 42/2022's "toàn trình / một phần" and the old "mức độ 4 / 3". */
export const LevelBadge = ({ level }: { level: ServiceLevel }) => {
  const { t } = useTranslation('catalogue');
  return <span className={`badge badge--${level}`}>{t(`level.${level}.short`)}</span>;
};

export const LevelExplanation = ({ level }: { level: ServiceLevel }) => {
  const { t } = useTranslation('catalogue');
  return (
    <div className={`level-explained level-explained--${level}`}>
      <LevelBadge level={level} />
      <p>{t(`level.${level}.explained`)}</p>
    </div>
  );
};
