import { HttpResponse } from 'msw';

/** RFC 9457 problem details, the error shape of the whole API. */
export const problem = (status: number, code: string, title: string, extra: Record<string, unknown> = {}) =>
  HttpResponse.json({ status, code, title, ...extra }, { status, headers: { 'Content-Type': 'application/problem+json' } });
