import { endConsent } from '../api/assisted/requests.ts';
import { ApiError, isApiError } from '../api/errors.ts';
import { consentGone, isExpired, readOwnSession } from '../auth/session.ts';
import { enqueuePost, isTransient } from './outbox.ts';
import { listPosts } from './personal-db.ts';

/**
 * Ending a resident's consent at the backend (assisted mode, docs/domain/assisted.md), durably:
 * End, or the outbox once the last dossier a help left waiting is sent, ends it now when the
 * backend can be reached; otherwise the end waits on the phone as a post of kind `consent-end`
 * (the volunteer's, holding the consent id and nothing else of the resident) and is sent when
 * the signal returns, with the volunteer's own token — a delegated token may not end anything.
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
 */
export const endConsentDurably = async (consentId: string): Promise<'ended' | 'queued' | 'refused'> => {
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
  if (!queued) await enqueuePost({ id: crypto.randomUUID(), owner: own.sub, kind: 'consent-end', body: { consentId } });
  return 'queued';
};
