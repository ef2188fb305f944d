/**
 * Headers of every stored file the API hands back (uploads, results, data-store papers): the
 * browser must never show one as a page of our origin. It is a download (`attachment`), its type
 * is not second-guessed (`nosniff`), and if it is opened anyway it runs nothing and loads
 * nothing (`sandbox; default-src 'none'`): an HTML file posing as a PDF cannot reach the
 * citizen's session.
 */
export const storedFileHeaders = (name: string, mime: string): Record<string, string> => {
  const ascii = name.normalize('NFD').replace(/\p{M}/gu, '').replace(/[^\x20-\x7e]|["\\]/g, '_');
  return {
    'Content-Type': mime,
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "sandbox; default-src 'none'",
  };
};
