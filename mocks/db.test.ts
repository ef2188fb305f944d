import { describe, expect, it } from 'vitest';
import { catalogue, db, translationKey } from './db.ts';
import { localizeProcedure } from '../src/api/procedures/localize.ts';

describe('seed data', () => {
  it('has at least 60 real procedures with unique ids and national codes', () => {
    const procedures = [...db.procedures.values()];
    expect(procedures.length).toBeGreaterThanOrEqual(60);
    const codes = procedures.map((p) => p.code).filter((c) => c !== null);
    expect(new Set(codes).size).toBe(codes.length);
    for (const p of procedures) if (p.code) expect(p.id).toBe(p.code);
  });

  it('covers both levels and many fields', () => {
    const { procedures } = catalogue();
    expect(new Set(procedures.map((p) => p.level))).toEqual(new Set(['full', 'partial']));
    expect(new Set(procedures.map((p) => p.field.id)).size).toBeGreaterThanOrEqual(10);
  });

  it('serves the 34 post-2025 province-level units and every commune of each (details in fixtures/admin-units.test.ts)', () => {
    expect(db.provinces).toHaveLength(34);
    expect(db.communes).toHaveLength(3321);
    const count = (name: string) => {
      const province = db.provinces.find((p) => p.name.endsWith(name));
      return db.communes.filter((c) => c.provinceCode === province?.code).length;
    };
    expect(count('Hà Nội')).toBe(126);
    expect(count('Cà Mau')).toBe(64);
    expect(count('Huế')).toBe(40);
    expect(count('Đồng Nai')).toBe(95);
    expect(count('Cần Thơ')).toBe(103);
    expect(count('Lâm Đồng')).toBe(124);
  });

  it('has English for the procedures the home page features and the journeys use, whole but for what it leaves out on purpose', () => {
    const featured = catalogue().procedures.slice(0, 6).map((p) => p.id);
    for (const id of [...featured, '1.004222', '3.000333']) {
      const procedure = db.procedures.get(id);
      const translation = db.translations.get(translationKey(id, 'en'));
      expect(procedure && translation, id).toBeTruthy();
      if (!procedure) continue;
      const page = localizeProcedure(procedure, translation, 'en');
      const inVietnamese = Object.entries(page).flatMap(([part, value]) => (typeof value === 'object' && value.fallback ? [part] : []));
      expect(inVietnamese, id).toEqual(id === '3.000333' ? ['faq'] : []);
    }
    // Every translation is of a procedure the backend has, as it is now.
    for (const translation of db.translations.values()) expect(db.procedures.get(translation.procedureId)?.updatedAt, translation.procedureId).toBe(translation.sourceUpdatedAt);
  });
});
