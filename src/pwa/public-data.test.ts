import { describe, expect, it } from 'vitest';
import { publicDataRoutes } from './public-data.ts';

const app = 'https://motcuaso.example.vn';
const matchAll = (apiBase: string, urls: string[]) => {
  const { match } = publicDataRoutes(apiBase, app);
  return urls.map((u) => match(new URL(u)));
};

describe('publicDataRoutes', () => {
  it('matches the public data of a backend on the same origin', () => {
    const { catalogueUrl } = publicDataRoutes('/api', app);
    expect(catalogueUrl).toBe(`${app}/api/catalogue`);
    expect(
      matchAll('/api', [
        `${app}/api/catalogue`,
        `${app}/api/procedures/1.004222`,
        `${app}/api/procedures/1.004222/translations/en`,
        `${app}/api/forms/1.004873`,
        `${app}/api/ratings/criteria`,
        `${app}/api/admin-units/provinces`,
        `${app}/api/admin-units/provinces/46/communes`,
      ]),
    ).toEqual(['catalogue', 'catalogue', 'catalogue', 'catalogue', 'catalogue', 'admin-units', 'admin-units']);
  });

  it('matches the public data of a backend on another origin, and only there', () => {
    const api = 'https://dichvucong.example.gov.vn/api/';
    const { catalogueUrl } = publicDataRoutes(api, app);
    expect(catalogueUrl).toBe('https://dichvucong.example.gov.vn/api/catalogue');
    expect(
      matchAll(api, [
        'https://dichvucong.example.gov.vn/api/catalogue',
        'https://dichvucong.example.gov.vn/api/procedures/1.004222',
        'https://dichvucong.example.gov.vn/api/admin-units/provinces',
        // The same paths on the app's own origin are not that backend.
        `${app}/api/catalogue`,
        // Another port is another origin.
        'https://dichvucong.example.gov.vn:8443/api/catalogue',
      ]),
    ).toEqual(['catalogue', 'catalogue', 'admin-units', undefined, undefined]);
  });

  it('follows a base path deeper than /api', () => {
    expect(matchAll('https://gw.example.gov.vn/dvc/v1', ['https://gw.example.gov.vn/dvc/v1/catalogue', 'https://gw.example.gov.vn/api/catalogue'])).toEqual([
      'catalogue',
      undefined,
    ]);
  });

  it('matches the public statistics, any period, and nothing beneath an agency', () => {
    expect(
      matchAll('/api', [
        `${app}/api/stats`,
        `${app}/api/stats?period=2026-Q3`,
        `${app}/api/stats/agencies/commune-pc?period=2026`,
        `${app}/api/stats/agencies/commune-pc/raw`,
        `${app}/api/stats/agencies/`,
        `${app}/api/statsx`,
      ]),
    ).toEqual(['stats', 'stats', 'stats', undefined, undefined, undefined]);
  });

  it('never matches personal data or the mock controls', () => {
    expect(
      matchAll('/api', [
        `${app}/api/me`,
        `${app}/api/me/documents/d1/file`,
        `${app}/api/dossiers`,
        `${app}/api/dossiers/ABC/payment`,
        `${app}/api/dossiers/ABC/rating`,
        `${app}/api/ratings/criteria/extra`,
        `${app}/api/procedures/1.004222/extra`,
        `${app}/api/procedures/1.004222/translations`,
        `${app}/api/procedures/1.004222/translations/en/extra`,
        `${app}/api/admin-units/`,
        `${app}/api/catalogue-private`,
        `${app}/apix/catalogue`,
        `${app}/api/__mock/faults`,
      ]),
    ).toEqual(Array(13).fill(undefined));
  });
});
