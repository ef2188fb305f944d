import type { QueryClient } from '@tanstack/react-query';
import { readActingSession, setActingSession } from '../../auth/session.ts';
import { wipePerson } from '../../auth/wipe.ts';
import { endConsentDurably } from '../../offline/consent-end.ts';
import { listAssistedWaiting } from '../../offline/outbox.ts';

/**
 * The end of helping one resident (the End button, or 10 minutes without input): everything of
 * theirs goes from the phone — drafts, pages, the query cache, previews — except their dossiers
 * still waiting to be sent (sealed), and the app is the volunteer's own again. With nothing of
 * theirs waiting, the consent is ended at the backend too, so the token acts no more: now, or,
 * without a signal, as soon as it returns (queued with the consent id only, after the wipe).
 */
export const endHelp = async (queryClient: QueryClient): Promise<void> => {
  const acting = readActingSession();
  if (!acting) return;
  setActingSession(null);
  // Every page the resident's data was fetched for: the volunteer's own pages fetch again.
  queryClient.clear();
  await wipePerson(acting.sub).catch(() => undefined);
  const waiting = (await listAssistedWaiting().catch(() => [])).some((item) => item.owner === acting.sub);
  // With dossiers waiting, the outbox ends it once the last of them is sent.
  if (!waiting) await endConsentDurably(acting.consentId, acting.expiresAt).catch(() => undefined);
};
