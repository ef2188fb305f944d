import { http, HttpResponse } from 'msw';
import { db } from '../db.ts';
import { problem } from './problem.ts';

export const adminUnitHandlers = [
  http.get('*/api/admin-units/provinces', () => HttpResponse.json(db.provinces)),
  http.get('*/api/admin-units/provinces/:code/communes', ({ params }) => {
    const code = String(params.code);
    if (!db.provinces.some((p) => p.code === code)) return problem(404, 'province-not-found', 'No province with this code');
    return HttpResponse.json(db.communes.filter((c) => c.provinceCode === code));
  }),
];
