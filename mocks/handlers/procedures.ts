import { http, HttpResponse } from 'msw';
import { catalogue, db, translationKey } from '../db.ts';
import { officesFor } from '../dossiers/offices.ts';
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
  // Its content in another language, where the province publishes one (docs/architecture/decisions.md, 15).
  http.get('*/api/procedures/:id/translations/:lang', ({ params }) => {
    const id = String(params.id);
    const lang = String(params.lang);
    if (!db.procedures.has(id)) return problem(404, 'procedure-not-found', 'No procedure with this code');
    const translation = db.translations.get(translationKey(id, lang));
    if (!translation) return problem(404, 'translation-not-found', `This procedure has no translation in "${lang}": its content is only in Vietnamese`);
    return HttpResponse.json(translation, { headers: { 'Cache-Control': 'no-cache', 'Content-Language': translation.lang } });
  }),
  // The offices that receive its dossiers, in the provinces asked for (?province=46&province=92).
  http.get('*/api/procedures/:id/offices', ({ request, params }) => {
    const procedure = db.procedures.get(String(params.id));
    if (!procedure) return problem(404, 'procedure-not-found', 'No procedure with this code');
    const provinces = new URL(request.url).searchParams.getAll('province');
    if (provinces.some((p) => !/^\d{2}$/.test(p))) return problem(400, 'invalid-province', 'province must be a two-digit province code');
    if (procedure.agency.tier === 'commune' && provinces.length === 0) return problem(400, 'province-required', 'Commune offices are listed by province: add ?province=<code>');
    return HttpResponse.json({ offices: officesFor(procedure, provinces) }, { headers: { 'Cache-Control': 'no-cache' } });
  }),
];
