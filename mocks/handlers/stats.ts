import { http, HttpResponse, type JsonBodyType } from 'msw';
import { agencyStats, provinceStats, type StatsOutcome } from '../stats/service.ts';
import { problem } from './problem.ts';

const answer = <T extends JsonBodyType>(outcome: StatsOutcome<T>) =>
  outcome.ok ? HttpResponse.json(outcome.value, { headers: { 'Cache-Control': 'no-cache' } }) : problem(outcome.status, outcome.code, outcome.title);

const periodIn = (request: Request): string | null => new URL(request.url).searchParams.get('period');

/** Public statistics (no sign-in): the province and every agency, and one agency with its trend. */
export const statsHandlers = [
  http.get('*/api/stats', ({ request }) => answer(provinceStats(periodIn(request)))),
  http.get('*/api/stats/agencies/:id', ({ request, params }) => answer(agencyStats(String(params.id), periodIn(request)))),
];
