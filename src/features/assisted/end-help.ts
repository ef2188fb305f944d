import type { QueryClient } from '@tanstack/react-query';
import { endConsent } from '../../api/assisted/requests.ts';
import { readActingSession, readOwnSession, setActingSession } from '../../auth/session.ts';
import { wipePerson } from '../../auth/wipe.ts';
import { listAssistedWaiting } from '../../offline/outbox.ts';

/**
 * The end of helping one resident (the End button, or 10 minutes without input): everything of
 * theirs goes from the phone — drafts, pages, the query cache, previews — except their dossiers
 * still waiting to be sent (sealed), and the app is the volunteer's own again. With nothing of
 * theirs waiting, the consent is ended at the backend too (online), so the token acts no more.
 */
export const endHelp = async (queryClient: QueryClient): Promise<void> => {
  const acting = readActingSession();
  if (!acting) return;
  setActingSession(null);
  // Every page the resident's data was fetched for: the volunteer's own pages fetch again.
  queryClient.clear();
  await wipePerson(acting.sub).catch(() => undefined);
  const own = readOwnSession();
  const waiting = (await listAssistedWaiting().catch(() => [])).some((item) => item.owner === acting.sub);
  if (own && !waiting && navigator.onLine) await endConsent(acting.consentId, own.accessToken).catch(() => undefined);
};
