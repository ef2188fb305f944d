/** The public tracking page with the code filled in: printed on the receipt for typing by hand. */
export const trackingUrl = (code: string, origin = window.location.origin): string => `${origin}/track?code=${encodeURIComponent(code)}`;

/**
 * Where the receipt's QR code leads: the look-up by the receipt's opaque token (no phone digits
 * needed, nothing personal in it; docs/domain/kiosks.md, "Receipt tokens"). A dossier from a
 * backend without tokens — or not read again since it was sent, offline — falls back to the
 * code-filled address.
 */
export const receiptQrUrl = (d: { code: string; receiptToken?: { token: string } | undefined }, origin = window.location.origin): string =>
  d.receiptToken ? `${origin}/track?r=${encodeURIComponent(d.receiptToken.token)}` : trackingUrl(d.code, origin);
