import { useState } from 'react';
import type { FieldProvenance } from '../../../offline/personal-db.ts';
import { formatDate } from '../../../lib/format.ts';
import { useEngine } from '../engine-context.ts';

type SourceKey = 'sources.population-db';

/**
 * Where a pre-filled value came from, told once per section (`SectionProvenance`) and marked
 * on each field with a small lock or arrow and the source's short name (`ProvenanceMark`): the
 * whole sentence under every field filled a phone's screen at the largest text. The mark is a
 * button that opens the details — its name says the source and whether the value is official,
 * never the colour alone.
 */
export const ProvenanceNote = ({ provenance }: { provenance: FieldProvenance }) => {
  const { t, lng } = useEngine();
  const source = t(`sources.${provenance.source}` as SourceKey);
  const date = formatDate(provenance.retrievedAt, lng);
  return <>{t(provenance.locked ? 'provenance.locked' : 'provenance.editable', { source, date })}</>;
};

export const ProvenanceMark = ({ provenance, id }: { provenance: FieldProvenance; id: string }) => {
  const { t } = useEngine();
  const [open, setOpen] = useState(false);
  const short = t(`sourcesShort.${provenance.source}` as 'sourcesShort.population-db');
  return (
    <div className="provenance-mark">
      <button
        type="button"
        className={provenance.locked ? 'provenance-mark__button provenance-mark__button--locked' : 'provenance-mark__button'}
        aria-expanded={open}
        aria-controls={`${id}-details`}
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">{provenance.locked ? '🔒' : '↺'}</span>
        {t(provenance.locked ? 'provenance.markLocked' : 'provenance.markEditable', { source: short })}
      </button>
      <div id={`${id}-details`}>
        {open ? (
          <p className="provenance__text">
            <ProvenanceNote provenance={provenance} />
          </p>
        ) : null}
      </div>
    </div>
  );
};

/** One line per source for a section: where its pre-filled values came from, and when. */
export const SectionProvenance = ({ fieldIds }: { fieldIds: readonly string[] }) => {
  const { t, lng, provenance } = useEngine();
  const bySource = new Map<string, { source: FieldProvenance['source']; retrievedAt: string; locked: boolean; editable: boolean }>();
  for (const id of fieldIds) {
    const p = provenance[id];
    if (!p) continue;
    const seen = bySource.get(p.source);
    bySource.set(p.source, {
      source: p.source,
      retrievedAt: seen && seen.retrievedAt > p.retrievedAt ? seen.retrievedAt : p.retrievedAt,
      locked: Boolean(seen?.locked) || p.locked,
      editable: Boolean(seen?.editable) || !p.locked,
    });
  }
  if (bySource.size === 0) return null;
  return (
    <div className="provenance provenance--section">
      {[...bySource.values()].map((s) => {
        const short = t(`sourcesShort.${s.source}` as 'sourcesShort.population-db');
        return (
          <p key={s.source} className="provenance__text">
            {t('provenance.from', { source: t(`sources.${s.source}` as SourceKey), date: formatDate(s.retrievedAt, lng) })}
            {s.locked ? ` ${t('provenance.lockedClause', { mark: t('provenance.markLocked', { source: short }), button: t('reportWrong') })}` : ''}
            {s.editable ? ` ${t('provenance.editableClause', { mark: t('provenance.markEditable', { source: short }) })}` : ''}
          </p>
        );
      })}
    </div>
  );
};
