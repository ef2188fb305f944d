import { describe, expect, it } from 'vitest';
import { origin } from '../oidc-test-client.ts';
const get = (path: string) => fetch(`${origin}/api/admin-units${path}`);

describe('admin-units endpoints', () => {
  it('list the 34 provinces without their communes: the country never travels in one response', async () => {
    const response = await get('/provinces');
    expect(response.status).toBe(200);
    const provinces = (await response.json()) as Record<string, unknown>[];
    expect(provinces).toHaveLength(34);
    expect(provinces.every((p) => Object.keys(p).sort().join() === 'code,kind,name')).toBe(true);
    expect(JSON.stringify(provinces).length).toBeLessThan(3_000);
  });

  it.each([
    ['01', 126, 'Phường Ba Đình'],
    ['96', 64, 'Xã Đất Mũi'],
    ['20', 65, 'Xã Bắc Sơn'],
  ])('answer province %s with its %i communes only', async (code, count, name) => {
    const communes = (await (await get(`/provinces/${code}/communes`)).json()) as { name: string; provinceCode: string }[];
    expect(communes).toHaveLength(count);
    expect(communes.every((c) => c.provinceCode === code)).toBe(true);
    expect(communes.map((c) => c.name)).toContain(name);
  });

  it('answer 404 for a province that does not exist', async () => {
    const response = await get('/provinces/99/communes');
    expect(response.status).toBe(404);
  });
});
