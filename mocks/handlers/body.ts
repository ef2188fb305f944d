import { UPLOAD_LIMITS } from '../../src/api/dossiers/schema.ts';
import { problem } from './problem.ts';

/**
 * Reading request bodies the way a backend exposed to the Internet must: the size is checked
 * against `Content-Length` before a byte is read, and counted while reading when there is no
 * such header (chunked), stopping at the limit; JSON is refused when malformed or nested deeper
 * than any request of the contract needs. Refusals are thrown as problem+json responses (msw
 * answers a thrown Response as it is), so a handler reads `await readJson(request)` and goes on.
 */
export const BODY_LIMITS = {
  /** Any JSON request of the contract. */
  jsonBytes: 1024 * 1024,
  /** One uploaded file (the same figure the app checks before sending). */
  fileBytes: UPLOAD_LIMITS.maxFileBytes,
  /** An HTML form post (sign-in consent, the card page). */
  formBytes: 16 * 1024,
  /** The deepest JSON a request needs is a handful of levels (e-form groups of rows). */
  jsonDepth: 32,
} as const;

interface TooLarge {
  code?: string;
  title?: string;
}

const tooLarge = (maxBytes: number, refusal: TooLarge) =>
  problem(413, refusal.code ?? 'body-too-large', refusal.title ?? `The request body may be at most ${maxBytes} bytes`, { maxBytes });

/** The body as bytes, never more than `maxBytes` of it read. Throws a 413/400 problem. */
export const readBytes = async (request: Request, maxBytes: number, refusal: TooLarge = {}): Promise<Uint8Array> => {
  const declared = request.headers.get('Content-Length');
  if (declared !== null) {
    if (!/^\d+$/.test(declared.trim())) throw problem(400, 'malformed-request', 'Invalid Content-Length');
    if (Number(declared) > maxBytes) throw tooLarge(maxBytes, refusal);
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Not awaited: a cancelled branch of a tee'd stream (msw clones requests) settles only
      // once every branch is cancelled.
      void reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes, refusal);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
};

const malformed = (title: string) => problem(400, 'malformed-json', title);

/** Nesting depth of a JSON text, counted without parsing (so no recursion can blow up). */
export const jsonDepth = (text: string): number => {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
};

/**
 * A JSON request body: declared as JSON (or not declared), at most `maxBytes` (1 MB) read, at
 * most `maxDepth` levels, valid UTF-8 and valid JSON, else a 415, 413 or 400 problem is thrown.
 */
export const readJson = async (request: Request, { maxBytes = BODY_LIMITS.jsonBytes, maxDepth = BODY_LIMITS.jsonDepth } = {}): Promise<unknown> => {
  // A body declared as something else (text/plain is what a cross-site form or no-cors fetch
  // sends) is refused unread; no declared type at all is read as JSON. The test controls
  // (/api/__mock/…) are not the contract and take what tests send.
  const type = request.headers.get('Content-Type');
  const control = new URL(request.url).pathname.includes('/api/__mock/');
  if (type !== null && !control && !/^application\/([\w.-]+\+)?json\s*(;|$)/i.test(type.trim())) {
    throw problem(415, 'unsupported-media-type', 'Send the body as JSON (Content-Type: application/json)');
  }
  const bytes = await readBytes(request, maxBytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw malformed('The body is not UTF-8 text');
  }
  if (jsonDepth(text) > maxDepth) throw malformed(`JSON may be nested at most ${maxDepth} levels deep`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw malformed('The body is not valid JSON');
  }
};

/** An `application/x-www-form-urlencoded` body (an HTML form), at most 16 kB. */
export const readForm = async (request: Request, maxBytes: number = BODY_LIMITS.formBytes): Promise<URLSearchParams> =>
  new URLSearchParams(new TextDecoder().decode(await readBytes(request, maxBytes)));
