import { useQuery } from '@tanstack/react-query';
import { Dossier as DossierSchema, normaliseDossierCode } from '../../api/dossiers/schema.ts';
import { dossierQueryOptions } from '../../api/dossiers/queries.ts';
import { isApiError } from '../../api/errors.ts';
import { useSession } from '../../auth/session.ts';
import { useOnline } from '../../lib/use-online.ts';
import { fallsBack, useSnapshot } from '../../offline/use-snapshot.ts';

/**
 * One dossier from the network, or its last known state from the device when the network
 * fails (with the time it was fetched), and what to tell the citizen when neither is there.
 */
export const useDossier = (rawCode: string) => {
  const code = normaliseDossierCode(rawCode);
  const session = useSession();
  const owner = session?.sub ?? '';
  const online = useOnline();
  const query = useQuery(dossierQueryOptions(owner, code));
  const snapshot = useSnapshot(owner, `dossier:${code}`, DossierSchema, query);
  const dossier = query.data ?? snapshot?.data;
  const kind = query.isError && isApiError(query.error) ? query.error.kind : undefined;
  const notFound = kind === 'not-found';
  const unauthorized = kind === 'unauthorized';
  return {
    code,
    owner,
    online,
    query,
    dossier,
    /** When what is shown was fetched, if the network could not confirm it; else null. */
    staleAt: query.data ? (!online || query.isError ? query.dataUpdatedAt : null) : snapshot ? snapshot.fetchedAt : null,
    notFound,
    /** An error to show: nothing on the device to fall back on, or a sign-in is needed. */
    showError: query.isError && !notFound && (unauthorized || (!dossier && (!fallsBack(query.error) || snapshot === null))),
    /** Offline with no saved copy. */
    noSnapshot: !dossier && !query.isError && snapshot === null,
    loading: !dossier && !query.isError && snapshot === undefined,
  };
};
