import { trackObjectUrl } from '../../auth/wipe.ts';

/**
 * Hand a file to the browser's downloads under `fileName`. Returns the object URL (revoked at
 * sign-out, and a minute after: the download has its own copy by then, slow browsers included).
 */
export const saveFile = (blob: Blob, fileName: string): string => {
  const href = trackObjectUrl(URL.createObjectURL(blob));
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return href;
};
