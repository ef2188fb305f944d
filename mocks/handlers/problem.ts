import { HttpResponse } from 'msw';
import { problemType } from '../../src/api/problem/schema.ts';

/** RFC 9457 problem details, the error shape of the whole API (src/api/problem/schema.ts). */
export const problem = (status: number, code: string, title: string, extra: Record<string, unknown> = {}) =>
  HttpResponse.json({ type: problemType(code), status, code, title, ...extra }, { status, headers: { 'Content-Type': 'application/problem+json' } });
