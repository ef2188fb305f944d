import { useEffect } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { submitDossier, submitSupplement, uploadFile } from '../api/dossiers/requests.ts';
import { rateDossier } from '../api/ratings/requests.ts';
import { RateDossier } from '../api/ratings/schema.ts';
import { afterRatingSent } from '../api/stats/queries.ts';
import { ApiError } from '../api/errors.ts';
import { safeParse } from 'zod/mini';
import { postTransport } from '../components/feedback/post-transport.ts';
import { dropDraftsNotOwnedBy, listOutbox, saveSnapshot } from '../offline/personal-db.ts';
import { isExpired, keptSessionOpen, readActingSession, readOwnSession, readSession } from '../auth/session.ts';
import { endConsentDurably } from '../offline/consent-end.ts';
import { assistedSecret, drainOutbox, drainPosts, waitingUntil, type OutboxTransport } from '../offline/outbox.ts';

/** The backend the outbox sends to; what it sends changes what `queryClient` holds. */
export const outboxTransport = (queryClient: QueryClient): OutboxTransport => ({
  // A resident's dossier queued by a volunteer goes with its own delegated token (docs/domain/assisted.md).
  upload: (blob, name, key, onProgress, token) => uploadFile(blob, name, key, onProgress, undefined, token),
  submitDossier: async (item, documents) => {
    const body = { procedureId: item.procedureId, values: item.values, documents, ...(item.onBehalf ? { onBehalf: item.onBehalf } : {}) };
    const dossier = await submitDossier(body, item.id, item.assisted ? assistedSecret(item.id)?.token : undefined);
    if (item.assisted) return dossier;
    // The receipt opens next: keep it on the device in case the signal drops right now.
    await saveSnapshot(item.owner, `dossier:${dossier.code}`, dossier).catch(() => undefined);
    return dossier;
  },
  submitSupplement: (item, documents) => submitSupplement(item.dossierCode, { documents }, item.id),
  submitRating: async (item) => {
    // Written by this app's rating page: parsed again, as everything read back from storage is.
    // Unreadable, it could never be sent: refused for good (the page offers to answer again).
    const body = safeParse(RateDossier, item.values);
    if (!body.success) throw new ApiError('invalid-input', 'Unreadable rating in the outbox', { code: 'invalid-body' });
    const rating = await rateDossier(item.dossierCode, body.data, item.id);
    // The public figures count it now.
    void afterRatingSent(queryClient);
    return { code: rating.dossierCode };
  },
  // With the volunteer's own token (a resident's delegated token may not end anything); queued when unreachable.
  endConsent: async (consentId, expiresAt) => {
    await endConsentDurably(consentId, expiresAt);
  },
});

let swept = false;

/**
 * Once per page load, before anyone can start helping: whatever another person left on this
 * phone goes — a resident's drafts and pages from a help that a reload, a crash or a closed tab
 * ended without its End (the acting session lives in memory only; docs/domain/assisted.md). Only
 * the resident's sealed dossiers still waiting to be sent stay, as at a sign-in.
 */
export const sweepLeftovers = async (): Promise<void> => {
  const own = readOwnSession();
  if (swept || !own || readActingSession()) return;
  swept = true;
  await dropDraftsNotOwnedBy(own.sub);
};

/** How often to look again while something waits and nothing else woke us (a flaky link). */
const POLL_MS = 30_000;
/** After a dropped connection or a server error while online: try again soon, then less often. */
const backoff = (failures: number) => Math.min(2_000 * 2 ** failures, POLL_MS);

/**
 * Drains the signed-in citizen's outbox — submissions, and the posts waiting on the device
 * (problem reports; components/feedback/PostsSender does it without a session): now, when the connection comes back, when the app
 * becomes visible, when the service worker relays a Background Sync, when a page asks
 * ('mcs:drain-outbox'), and every 30 s as a last resort. Renders nothing.
 */
export const OutboxAgent = ({ owner }: { owner: string }) => {
  const queryClient = useQueryClient();
  useEffect(() => {
    void sweepLeftovers().catch(() => undefined);
  }, []);
  useEffect(() => {
    const transport = outboxTransport(queryClient);
    let failures = 0;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let disposed = false;
    let lastRenewal = 0;
    /** A kept session renews itself (then asks for a drain); at most twice a minute. */
    const renewKept = () => {
      if (!keptSessionOpen() || Date.now() - lastRenewal < 30_000) return;
      lastRenewal = Date.now();
      void import('../auth/keep.ts').then((keep) => keep.renewOpenSession()).catch(() => undefined);
    };
    const drain = () => {
      // Offline, or the session has expired (sign in again first): sending would only fail.
      const session = readSession();
      if (disposed || !navigator.onLine) return;
      // While helping a resident, `owner` is theirs: the volunteer's own posts (a help's consent to end) go too.
      const self = readOwnSession()?.sub;
      void drainPosts([owner, '', ...(self && self !== owner ? [self] : [])], postTransport).catch(() => undefined);
      if (!session || isExpired(session)) {
        renewKept();
        return;
      }
      clearTimeout(retryTimer);
      void drainOutbox(owner, transport)
        .then(async () => {
          if (disposed) return;
          void queryClient.invalidateQueries({ queryKey: ['dossiers'] });
          void queryClient.invalidateQueries({ queryKey: ['ratings', 'dossier'] });
          // Something still waits after a transient failure (a 500, a dropped upload): retry with backoff.
          const items = await listOutbox(owner);
          const waiting = items.some((i) => i.state === 'queued' && i.lastError && i.lastError.kind !== 'unauthorized');
          clearTimeout(retryTimer);
          if (disposed) return;
          // Refused with 401 (the access token was revoked or ran out): a kept session renews.
          if (items.some((i) => i.state === 'queued' && i.lastError?.kind === 'unauthorized')) renewKept();
          // Told to wait (429 + Retry-After): the next attempt is no sooner than the backend said.
          const told = items.map((i) => (i.state === 'queued' ? waitingUntil(i) : undefined)).filter((at): at is number => at !== undefined);
          const notBefore = told.length > 0 ? Math.min(...told) - Date.now() : 0;
          if (waiting && navigator.onLine) retryTimer = setTimeout(drain, Math.max(backoff(failures++), notBefore));
          else failures = 0;
        })
        .catch(() => undefined);
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') drain();
    };
    const onMessage = (event: MessageEvent<{ type?: string }>) => {
      if (event.data?.type === 'drain-outbox') drain();
    };
    drain();
    const timer = setInterval(drain, POLL_MS);
    window.addEventListener('online', drain);
    window.addEventListener('mcs:drain-outbox', drain);
    document.addEventListener('visibilitychange', onVisible);
    navigator.serviceWorker?.addEventListener('message', onMessage);
    return () => {
      disposed = true;
      clearInterval(timer);
      clearTimeout(retryTimer);
      window.removeEventListener('online', drain);
      window.removeEventListener('mcs:drain-outbox', drain);
      document.removeEventListener('visibilitychange', onVisible);
      navigator.serviceWorker?.removeEventListener('message', onMessage);
    };
  }, [owner, queryClient]);
  return null;
};

export default OutboxAgent;
