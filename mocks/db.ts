import { z } from 'zod/mini';
import { type Catalogue, Procedure, ProcedureSummary, ProcedureTranslation } from '../src/api/procedures/schema.ts';
import { Commune, Province } from '../src/api/admin-units/schema.ts';
import { agencies, fields } from './fixtures/catalogue-refs.ts';
import { civilProcedures } from './fixtures/procedures-civil.ts';
import { economyProcedures } from './fixtures/procedures-economy.ts';
import { englishTranslations } from './fixtures/procedures-en.ts';
import { communes, provinces } from './fixtures/admin-units.ts';
import { syntheticProcedures } from './synthetic.ts';
import { syntheticFormProcedure, syntheticFormsEnabled } from './synthetic-form.ts';

/**
 * The simulated backend's state. Every fixture goes through the app's own zod schemas, so a
 * change of contract breaks the mocks loudly instead of drifting from the app.
 */
export interface Db {
  procedures: Map<string, Procedure>;
  /** Procedures' content in other languages, by `${procedureId} ${lang}`. */
  translations: Map<string, ProcedureTranslation>;
  provinces: Province[];
  communes: Commune[];
  catalogueUpdatedAt: string;
}

const summarise = (p: Procedure): ProcedureSummary =>
  ProcedureSummary.parse({
    ...p,
    feeFrom: p.fees.length === 0 ? 0 : p.fees.some((f) => f.amount === null) ? null : Math.min(...p.fees.map((f) => f.amount ?? 0)),
  });

export const translationKey = (procedureId: string, lang: string): string => `${procedureId} ${lang}`;

const seed = (): Db => {
  // MOCK_CATALOGUE=synthetic swaps the real catalogue for 2,000 generated procedures (benchmarks).
  const source =
    process.env.MOCK_CATALOGUE === 'synthetic'
      ? syntheticProcedures(2000)
      : [...civilProcedures, ...economyProcedures];
  // MOCK_FORMS=synthetic adds a procedure with a 60-field e-form (bench:form).
  if (syntheticFormsEnabled()) source.push(syntheticFormProcedure);
  const procedures = new Map(source.map((p) => Procedure.parse(p)).map((p) => [p.id, p]));
  const translations = new Map(
    (process.env.MOCK_CATALOGUE === 'synthetic' ? [] : englishTranslations).map((t) => ProcedureTranslation.parse(t)).map((t) => [translationKey(t.procedureId, t.lang), t]),
  );
  return {
    procedures,
    translations,
    provinces: z.array(Province).parse(provinces),
    communes: z.array(Commune).parse(communes),
    catalogueUpdatedAt: '2026-11-01T00:00:00.000Z',
  };
};

export let db: Db = seed();

export const resetDb = (): void => {
  db = seed();
};

export const catalogue = (): Catalogue => ({
  procedures: [...db.procedures.values()].map(summarise),
  fields,
  agencies,
  updatedAt: db.catalogueUpdatedAt,
});
