import { endConsent } from '../api/assisted/requests.ts';
import { ApiError, isApiError } from '../api/errors.ts';
import { consentGone, isExpired, readOwnSession } from '../auth/session.ts';
import { enqueuePost, isTransient } from './outbox.ts';
import { listPosts, putPost, type OutboxPost } from './personal-db.ts';
import { setPostsWaiting } from './posts-waiting.ts';

/**
 * Ending a resident's consent at the backend (assisted mode, docs/domain/assisted.md), durably:
 * End, or the outbox once the last dossier a help left waiting is sent, ends it now when the
 * backend can be reached; otherwise the end waits on the phone as a post of kind `consent-end`
 * (the volunteer's, holding the consent id and the time it runs out, nothing of the resident) and
 * is sent when the signal returns, with the volunteer's own token — a delegated token may not end
 * anything. Signing out first sends what waits, or tells the volunteer it cannot.
 */

/**
 * The backend says the consent runs no more anyway — already ended, revoked or expired (404,
 * 409, 410, or the 403 codes a delegated token gets): the end is done.
 */
export const consentAlreadyOver = (error: unknown): boolean =>
  isApiError(error) && (error.status === 404 || error.status === 409 || error.status === 410 || consentGone(error.code) !== undefined);

/**
 * Sends the end once, with the own token of `owner` (the volunteer who helped). Throws as a
 * request does; 'unauthorized' while they have no live session of their own (it waits).
 */
export const sendConsentEnd = async (consentId: string, owner: string): Promise<void> => {
  const own = readOwnSession();
  if (!own || own.sub !== owner || isExpired(own)) throw new ApiError('unauthorized', 'No live session of the volunteer to end the consent with', { code: 'session-expired' });
  try {
    await endConsent(consentId, own.accessToken);
  } catch (error) {
    if (!consentAlreadyOver(error)) throw error;
  }
};

/**
 * Ends the consent now, or queues its end when the backend cannot be reached (no signal, a
 * dropped connection, a server error, the volunteer's own session to renew first). A refusal
 * for good is not queued: nothing would make it pass, and the consent runs out at its end.
 * Without a volunteer signed in there is no token to end it with (a sign-out wiped the phone).
 * `expiresAt` (seconds): when the consent runs out by itself, kept with a queued end so that a
 * sign-out can say until when the consent stays in force if it is not sent.
 */
export const endConsentDurably = async (consentId: string, expiresAt?: number): Promise<'ended' | 'queued' | 'refused'> => {
  const own = readOwnSession();
  if (!own) return 'refused';
  if (typeof navigator === 'undefined' || navigator.onLine !== false) {
    try {
      await sendConsentEnd(consentId, own.sub);
      return 'ended';
    } catch (error) {
      if (!isTransient(error)) return 'refused';
    }
  }
  // Once: an end already waiting for this consent is the one sent.
  const queued = (await listPosts([own.sub])).some((p) => p.kind === 'consent-end' && p.body.consentId === consentId && (p.state === 'queued' || p.state === 'sending'));
  if (!queued) await enqueuePost({ id: crypto.randomUUID(), owner: own.sub, kind: 'consent-end', body: { consentId, ...(expiresAt ? { expiresAt } : {}) } });
  return 'queued';
};

/** An end waiting on the phone: the consent it ends, and when that runs out by itself (seconds), when known. */
export interface WaitingConsentEnd {
  postId: string;
  consentId: string;
  expiresAt?: number;
}

/**
 * The ends of consents this volunteer's phone still has to send — of consents still running:
 * one that ran out by itself needs no end any more.
 */
export const waitingConsentEnds = async (owner: string, now = Date.now()): Promise<WaitingConsentEnd[]> => {
  if (!owner) return [];
  const waiting: WaitingConsentEnd[] = [];
  for (const post of await listPosts([owner])) {
    if (post.kind !== 'consent-end' || (post.state !== 'queued' && post.state !== 'sending')) continue;
    const { consentId, expiresAt } = post.body;
    if (typeof consentId !== 'string') continue;
    const known = typeof expiresAt === 'number' && Number.isFinite(expiresAt) ? expiresAt : undefined;
    if (known !== undefined && known * 1000 <= now) continue;
    waiting.push({ postId: post.id, consentId, ...(known !== undefined ? { expiresAt: known } : {}) });
  }
  return waiting;
};

/** How long a sign-out waits for the ends to reach the backend: it must never hang. */
export const SIGN_OUT_SEND_MS = 3000;

const sendWaiting = async (post: OutboxPost): Promise<void> => {
  const consentId = post.body.consentId;
  if (typeof consentId !== 'string') return;
  try {
    await sendConsentEnd(consentId, post.owner);
    await putPost({ ...post, state: 'sent', body: {}, attempts: post.attempts + 1, lastError: undefined, retryAt: undefined });
  } catch (error) {
    // Refused for good: nothing would make it pass (as the outbox does); otherwise it keeps waiting.
    if (!isTransient(error)) await putPost({ ...post, state: 'failed', attempts: post.attempts + 1, lastError: { kind: isApiError(error) ? error.kind : 'network', code: isApiError(error) ? error.code : undefined } });
  }
};

/**
 * Before a sign-out wipes the phone (docs/domain/assisted.md): the volunteer's waiting ends are
 * sent now when the backend can be reached — for `waitMs` at most, the sign-out must not hang —
 * and what still waits is returned, for the volunteer to decide: stay signed in until the signal
 * returns, or sign out and leave those consents running until they run out. Never throws.
 */
export const sendConsentEndsBeforeSignOut = async (owner: string, waitMs = SIGN_OUT_SEND_MS): Promise<WaitingConsentEnd[]> => {
  try {
    const waiting = await waitingConsentEnds(owner);
    if (waiting.length === 0 || (typeof navigator !== 'undefined' && navigator.onLine === false)) return waiting;
    const ids = new Set(waiting.map((w) => w.postId));
    const posts = (await listPosts([owner])).filter((p) => ids.has(p.id));
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      Promise.all(posts.map((post) => sendWaiting(post).catch(() => undefined))),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs))),
    ]);
    clearTimeout(timer);
    const left = await waitingConsentEnds(owner);
    setPostsWaiting((await listPosts([owner, ''])).some((p) => p.state === 'queued' || p.state === 'sending'));
    return left;
  } catch {
    // The phone's storage could not even be read: nothing to send, nothing to tell.
    return [];
  }
};
