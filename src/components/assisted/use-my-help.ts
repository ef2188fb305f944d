import { useQuery } from '@tanstack/react-query';
import { myConsentsQueryOptions, myHelpRatingsQueryOptions } from '../../api/assisted/resident.ts';
import { useSession } from '../../auth/session.ts';

/**
 * The signed-in resident's side of assisted mode as their pages read it (the list of help and
 * the rating of one help): their `sub`, which keys every personal query, the consents they gave
 * volunteers, and which help they rated already.
 */
export const useMyHelp = () => {
  const sub = useSession()?.sub ?? '';
  return { sub, consents: useQuery(myConsentsQueryOptions(sub)), ratings: useQuery(myHelpRatingsQueryOptions(sub)) };
};
