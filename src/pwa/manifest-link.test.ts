import { afterEach, describe, expect, it } from 'vitest';
import { linkManifest } from './manifest-link.ts';

afterEach(() => {
  document.head.innerHTML = '';
});

describe('the web app manifest of a pre-rendered page', () => {
  it('is linked once, from what the page’s framework script names', () => {
    document.head.innerHTML = '<script type="module" src="/assets/framework.js" data-entry="/assets/index.js" data-manifest="/manifest.webmanifest"></script>';
    expect(document.querySelector('link[rel="manifest"]')).toBeNull();
    linkManifest();
    linkManifest();
    const links = document.querySelectorAll('link[rel="manifest"]');
    expect(links).toHaveLength(1);
    expect(links[0]?.getAttribute('href')).toBe('/manifest.webmanifest');
  });

  it('leaves the plain shell’s own link alone', () => {
    document.head.innerHTML = '<link rel="manifest" href="/manifest.webmanifest">';
    linkManifest();
    expect(document.querySelectorAll('link[rel="manifest"]')).toHaveLength(1);
  });
});
