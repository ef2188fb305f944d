import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './return-to.ts';

describe('safeReturnTo', () => {
  it.each([
    ['/\\evil.example', '/me'],
    ['/\\/evil.example', '/me'],
    ['//evil.example', '/me'],
    ['/\t/evil.example', '/me'],
    ['/\n/evil.example/x', '/me'],
    ['https://evil.example/', '/me'],
    ['javascript:alert(1)', '/me'],
    ['evil.example', '/me'],
    ['', '/me'],
    [null, '/me'],
    [undefined, '/me'],
    ['/auth/callback?code=x', '/me'],
    ['/AUTH/callback', '/me'],
    ['/x/../auth/callback', '/me'],
    ['/%2e%2e/auth/callback', '/me'],
  ])('sends %j to a safe in-app path', (value, expected) => {
    expect(safeReturnTo(value)).toBe(expected);
  });

  it.each([
    ['/services/1.001193', '/services/1.001193'],
    ['/apply/1.001193/check?step=2#documents', '/apply/1.001193/check?step=2#documents'],
    ['/dossiers', '/dossiers'],
    ['/tìm-kiếm', '/t%C3%ACm-ki%E1%BA%BFm'],
  ])('keeps the in-app path %j', (value, expected) => {
    expect(safeReturnTo(value)).toBe(expected);
  });
});
