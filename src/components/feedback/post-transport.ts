import { reportProblem } from '../../api/questions/requests.ts';
import { ProblemReport } from '../../api/questions/schema.ts';
import type { PostTransport } from '../../offline/outbox.ts';

/** How each kind of queued post reaches the backend (its id is the Idempotency-Key). */
export const postTransport: PostTransport = {
  send: async (post) => {
    // Anonymous whoever is signed in: a report never carries the citizen's token.
    if (post.kind === 'problem-report') await reportProblem(ProblemReport.parse(post.body), post.id);
  },
};
