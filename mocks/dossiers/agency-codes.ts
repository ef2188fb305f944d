import { DOSSIER_CODE } from '../../src/api/dossiers/schema.ts';
import { agencies } from '../fixtures/catalogue-refs.ts';

/**
 * SIMULATED receiving-agency codes in the shape of Circular 10/2016/TT-BTTTT
 * (V1V2V3.Z1Z2.Y1Y2.MX1X2). They are NOT the real codes: real ones name a province or ministry
 * (e.g. H62) and each commune separately, while the catalogue lists agencies by role. "H99" and
 * "A99" are deliberately not assigned to any real province or ministry.
 */
export const AGENCY_CODES: Readonly<Record<string, string>> = {
  'commune-pc': '000.00.31.H99',
  'commune-police': '000.01.31.H99',
  'province-pc': '000.00.00.H99',
  'province-justice': '000.00.11.H99',
  'province-police': '000.00.12.H99',
  'province-construction': '000.00.13.H99',
  'province-finance': '000.00.14.H99',
  'province-home-affairs': '000.00.15.H99',
  'province-health': '000.00.16.H99',
  'province-education': '000.00.17.H99',
  'province-agriculture-environment': '000.00.18.H99',
  'land-registration-office': '000.01.18.H99',
  'social-security': '000.00.19.H99',
  'employment-service-centre': '000.01.15.H99',
  'national-judicial-records-centre': '000.00.01.A99',
  'immigration-department': '000.00.02.A99',
};
const FALLBACK_AGENCY_CODE = '000.00.99.H99';

for (const agency of agencies) {
  const code = AGENCY_CODES[agency.id];
  if (!code || !DOSSIER_CODE.test(`${code}-000101-0001`)) throw new Error(`No valid simulated code for agency ${agency.id}`);
}

export const agencyCodeOf = (agencyId: string): string => AGENCY_CODES[agencyId] ?? FALLBACK_AGENCY_CODE;
