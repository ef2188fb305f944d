import { http, HttpResponse } from 'msw';
import { catalogue, db } from '../db.ts';
import { problem } from './problem.ts';

export const procedureHandlers = [
  // The whole public catalogue in one response (~10 KB gzip for 60+ procedures): the app
  // searches it on the device, so search is instant and works offline.
  http.get('*/api/catalogue', () => HttpResponse.json(catalogue(), { headers: { 'Cache-Control': 'no-cache' } })),
  http.get('*/api/procedures/:id', ({ params }) => {
    const procedure = db.procedures.get(String(params.id));
    if (!procedure) return problem(404, 'procedure-not-found', 'No procedure with this code');
    return HttpResponse.json(procedure, { headers: { 'Cache-Control': 'no-cache' } });
  }),
];
