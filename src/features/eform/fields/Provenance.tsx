import type { FieldProvenance } from '../../../offline/personal-db.ts';
import { formatDate } from '../../../lib/format.ts';
import { useEngine } from '../engine-context.ts';

/** "From the national population database, retrieved 22/11/2026" — and why it is locked. */
export const ProvenanceNote = ({ provenance }: { provenance: FieldProvenance }) => {
  const { t, lng } = useEngine();
  const source = t(`sources.${provenance.source}` as 'sources.population-db');
  const date = formatDate(provenance.retrievedAt, lng);
  return (
    <p className={provenance.locked ? 'provenance__text provenance__text--locked' : 'provenance__text'}>
      <span aria-hidden="true">{provenance.locked ? '🔒 ' : '↺ '}</span>
      {t(provenance.locked ? 'provenance.locked' : 'provenance.editable', { source, date })}
    </p>
  );
};
