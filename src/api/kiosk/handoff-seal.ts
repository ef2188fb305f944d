import type { HandoffContent, HandoffSlot } from './schema.ts';

/**
 * The kiosk's side of a hand-off (docs/domain/kiosks.md, "Hand-off"): the work in progress,
 * deflated and sealed with the slot's AES-256-GCM key (the slot id as additional data, so a
 * payload cannot be moved to another slot), as base64url for the QR code. Only the backend,
 * which holds the key, can open it: a photo of the screen shows nobody anything.
 */
const fromBase64url = (text: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

export const toBase64url = (bytes: Uint8Array): string => {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

const deflate = async (text: string): Promise<Uint8Array<ArrayBuffer>> => {
  const body = new Response(new TextEncoder().encode(text)).body;
  if (!body) throw new Error('no stream to compress');
  return new Uint8Array(await new Response(body.pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
};

export const sealHandoff = async (content: HandoffContent, slot: Pick<HandoffSlot, 'id' | 'key'>): Promise<string> => {
  const key = await crypto.subtle.importKey('raw', fromBase64url(slot.key), 'AES-GCM', false, ['encrypt']);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(slot.id) }, key, await deflate(JSON.stringify(content))));
  const out = new Uint8Array(iv.length + sealed.length);
  out.set(iv);
  out.set(sealed, iv.length);
  return toBase64url(out);
};
