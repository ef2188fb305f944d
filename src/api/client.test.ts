import { describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { server } from '../../mocks/node.ts';
import { setFaults } from '../../mocks/faults.ts';
import { getCatalogue, getProcedure, getProcedureTranslation } from './procedures/requests.ts';
import { getCommunes, getProvinces } from './admin-units/requests.ts';
import { ApiError } from './errors.ts';

const rejection = async (promise: Promise<unknown>): Promise<ApiError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
};

describe('API client against the simulated backend', () => {
  it('parses the catalogue through its schema', async () => {
    const catalogue = await getCatalogue();
    expect(catalogue.procedures.length).toBeGreaterThanOrEqual(60);
    expect(catalogue.procedures.find((p) => p.code === '1.001193')?.name).toBe('Đăng ký khai sinh');
  });

  it('returns a full procedure', async () => {
    const p = await getProcedure('1.001193');
    expect(p.steps.length).toBeGreaterThan(0);
    expect(p.legalBasis.length).toBeGreaterThan(0);
  });

  it('gets a procedure’s English where the backend has it, and null (no error) where it has none', async () => {
    const english = await getProcedureTranslation('1.001193', 'en');
    expect(english).toMatchObject({ procedureId: '1.001193', lang: 'en' });
    expect(english?.steps?.length).toBe((await getProcedure('1.001193')).steps.length);
    expect(await getProcedureTranslation('1.000689', 'en')).toBeNull();
    expect(await getProcedureTranslation('1.001193', 'fr')).toBeNull();
    // A failure that is not "there is none" stays an error: the page says it could not load it.
    setFaults({ rules: [{ path: '/api/procedures/1.001193/translations/en', status: 500 }] });
    expect((await rejection(getProcedureTranslation('1.001193', 'en'))).kind).toBe('server');
  });

  it('turns a 404 into a not-found error with the problem code', async () => {
    const error = await rejection(getProcedure('9.999999'));
    expect(error.kind).toBe('not-found');
    expect(error.code).toBe('procedure-not-found');
    expect(error.retryable).toBe(false);
  });

  it('turns a 500 into a retryable server error', async () => {
    setFaults({ rules: [{ path: '/api/catalogue', status: 500 }] });
    const error = await rejection(getCatalogue());
    expect(error.kind).toBe('server');
    expect(error.status).toBe(500);
    expect(error.retryable).toBe(true);
  });

  it('turns a dropped connection into a network error', async () => {
    setFaults({ rules: [{ path: '/api/catalogue', status: 'network' }] });
    const error = await rejection(getCatalogue());
    expect(error.kind).toBe('network');
  });

  it('turns backend drift into one typed error instead of a crash', async () => {
    server.use(http.get('*/api/procedures/:id', () => HttpResponse.json({ id: '1.001193', name: 42 })));
    const error = await rejection(getProcedure('1.001193'));
    expect(error.kind).toBe('invalid-response');
  });

  it('serves the 34 provinces and a province’s communes', async () => {
    const provinces = await getProvinces();
    expect(provinces).toHaveLength(34);
    const hue = provinces.find((p) => p.name.includes('Huế'));
    expect(hue).toBeDefined();
    const communes = await getCommunes(hue?.code ?? '');
    expect(communes).toHaveLength(40);
    expect((await rejection(getCommunes('99'))).kind).toBe('not-found');
  });
});

describe('early requests', () => {
  it('hands a response started before the client loaded to the first request for that path', async () => {
    const { startEarly } = await import('./early.ts');
    startEarly('/procedures/1.001193');
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Switch the backend off: only the early response can answer now.
    setFaults({ rules: [{ path: '/api/procedures/1.001193', status: 500 }] });
    const p = await getProcedure('1.001193');
    expect(p.name).toBe('Đăng ký khai sinh');
    // Taken once: the next request goes to the (now failing) backend.
    expect((await rejection(getProcedure('1.001193'))).kind).toBe('server');
  });
});
