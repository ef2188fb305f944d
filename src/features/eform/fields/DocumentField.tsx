import { FieldFrame } from '../../../components/forms/FieldFrame.tsx';
import { useDataStore, useEngine } from '../engine-context.ts';
import type { FieldProps } from './field-types.ts';

/** One of the citizen's stored papers of the accepted types, or none. */
export const DocumentField = ({ field, rhf, frame }: FieldProps<'document'>) => {
  const { t } = useEngine();
  const dataStore = useDataStore();
  const documents = dataStore?.documents?.filter((d) => field.documentTypes.includes(d.type)) ?? [];
  const id = frame.id;
  return (
    <FieldFrame {...frame} asGroup>
      {(describedBy) =>
        !dataStore ? (
          <p className="hint">{t('documents.needConnection')}</p>
        ) : (
          <div className="choices">
            {documents.map((d, i) => (
              <label key={d.id} className="choice">
                <input
                  type="radio"
                  id={i === 0 ? id : undefined}
                  name={id}
                  checked={rhf.value === d.id}
                  onChange={() => rhf.onChange(d.id)}
                  aria-describedby={describedBy}
                />
                <span>
                  {d.title} — {d.number}
                </span>
              </label>
            ))}
            <label className="choice">
              <input type="radio" id={documents.length === 0 ? id : undefined} name={id} checked={!rhf.value} onChange={() => rhf.onChange('')} />
              <span>{t('documents.none')}</span>
            </label>
          </div>
        )
      }
    </FieldFrame>
  );
};
