import type { Office, Procedure } from '../../src/api/procedures/schema.ts';
import { db } from '../db.ts';

/**
 * The offices that receive a procedure's dossiers, made from the catalogue's agency roles and
 * the administrative units: a commune-tier role has one office per commune, a province-tier role
 * one per province, a central one a single office. These names (and the codes in
 * agency-codes.ts) are what a dossier carries: never what the device sent.
 */
const OFFICE_PREFIX: Readonly<Record<string, string>> = {
  'commune-pc': 'UBND',
  'commune-police': 'Công an',
  'province-pc': 'UBND',
  'province-justice': 'Sở Tư pháp',
  'province-police': 'Công an',
  'province-construction': 'Sở Xây dựng',
  'province-finance': 'Sở Tài chính',
  'province-home-affairs': 'Sở Nội vụ',
  'province-health': 'Sở Y tế',
  'province-education': 'Sở Giáo dục và Đào tạo',
  'province-agriculture-environment': 'Sở Nông nghiệp và Môi trường',
  'land-registration-office': 'Văn phòng đăng ký đất đai',
  'social-security': 'Bảo hiểm xã hội',
  'employment-service-centre': 'Trung tâm Dịch vụ việc làm',
};

const prefixOf = (agencyId: string) => OFFICE_PREFIX[agencyId] ?? '';

/** Every office of the procedure's agency in these provinces (all provinces when none is named). */
export const officesFor = (procedure: Pick<Procedure, 'agency'>, provinceCodes: readonly string[] = []): Office[] => {
  const { agency } = procedure;
  if (agency.tier === 'central') return [{ id: agency.id, name: agency.name, agencyId: agency.id, provinceCode: null }];
  const provinces = db.provinces.filter((p) => provinceCodes.length === 0 || provinceCodes.includes(p.code));
  if (agency.tier === 'province') {
    return provinces.map((p) => ({ id: `${agency.id}-${p.code}`, name: `${prefixOf(agency.id)} ${p.name}`.trim(), agencyId: agency.id, provinceCode: p.code }));
  }
  const wanted = new Set(provinces.map((p) => p.code));
  return db.communes
    .filter((c) => wanted.has(c.provinceCode))
    .map((c) => ({ id: `${agency.id}-${c.code}`, name: `${prefixOf(agency.id)} ${c.name}`.trim(), agencyId: agency.id, provinceCode: c.provinceCode, communeCodes: [c.code] }));
};

/** The office with this id, when it is one that handles the procedure; undefined otherwise. */
export const officeOf = (procedure: Pick<Procedure, 'agency'>, officeId: unknown): Office | undefined => {
  if (typeof officeId !== 'string') return undefined;
  const { agency } = procedure;
  if (agency.tier === 'central') return officeId === agency.id ? officesFor(procedure)[0] : undefined;
  const code = officeId.startsWith(`${agency.id}-`) ? officeId.slice(agency.id.length + 1) : '';
  const provinceCode = agency.tier === 'province' ? code : db.communes.find((c) => c.code === code)?.provinceCode;
  if (!provinceCode) return undefined;
  return officesFor(procedure, [provinceCode]).find((o) => o.id === officeId);
};
