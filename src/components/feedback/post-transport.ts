import { reportProblem } from '../../api/questions/requests.ts';
import { ProblemReport } from '../../api/questions/schema.ts';
import type { PostTransport } from '../../offline/outbox.ts';
import { sendConsentEnd } from '../../offline/consent-end.ts';
import { safeParse } from 'zod/mini';
import { RateHelp } from '../../api/assisted/schema.ts';
import { rateHelp } from '../../api/assisted/resident.ts';
import { ApiError } from '../../api/errors.ts';
import { readActingSession, readOwnSession } from '../../auth/session.ts';

/** How each kind of queued post reaches the backend (its id is the Idempotency-Key). */
export const postTransport: PostTransport = {
  send: async (post) => {
    // Anonymous whoever is signed in: a report never carries the citizen's token.
    if (post.kind === 'problem-report') await reportProblem(ProblemReport.parse(post.body), post.id);
    if (post.kind === 'help-rating') {
      // Written by the help rating page; unreadable, it could never be sent: refused for good.
      const { consentId, ...rating } = post.body;
      const body = safeParse(RateHelp, rating);
      if (typeof consentId !== 'string' || !body.success) throw new ApiError('invalid-input', 'Unreadable rating of help in the outbox', { code: 'invalid-body' });
      // Sent while its author helps a resident: with their own token, never the resident's.
      const own = readOwnSession();
      await rateHelp(consentId, body.data, post.id, readActingSession() && own?.sub === post.owner ? own.accessToken : undefined);
    }
    if (post.kind === 'consent-end') {
      // The end of a help's consent (offline/consent-end.ts): the volunteer's own token; already over counts as done.
      const { consentId } = post.body;
      if (typeof consentId !== 'string') throw new ApiError('invalid-input', 'Unreadable end of a consent in the outbox', { code: 'invalid-body' });
      await sendConsentEnd(consentId, post.owner);
    }
  },
};
