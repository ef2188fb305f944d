import { http, HttpResponse } from 'msw';
import { openApiDocument } from '../../src/api/openapi.ts';

/** The contract, published: the OpenAPI 3.1 document generated from the zod schemas. */
export const openApiHandlers = [
  http.get('*/api/openapi.json', ({ request }) => {
    const { origin, pathname } = new URL(request.url);
    const base = pathname.slice(0, -'/openapi.json'.length);
    return HttpResponse.json(openApiDocument(`${origin}${base}`), { headers: { 'Cache-Control': 'no-cache' } });
  }),
];
