// @vitest-environment node
import { describe, expect, it } from 'vitest';
import config from '../vite.config.ts';

/** The headers `npm start` serves the app with, which README's deploy list repeats. */
describe('app response headers', () => {
  it('send nosniff, COOP same-origin, a CSP without inline script, a referrer policy', () => {
    const headers = (config as { preview?: { headers?: Record<string, string> } }).preview?.headers ?? {};
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Cross-Origin-Opener-Policy']).toBe('same-origin');
    expect(headers['Content-Security-Policy']).toMatch(/script-src 'self'(;|$)/);
    expect(headers['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
  });
});
