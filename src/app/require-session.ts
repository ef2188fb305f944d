import { redirect } from 'react-router';
import { readSession } from '../auth/session.ts';

/**
 * Personal pages need a signed-in citizen. An expired session still counts here: its drafts
 * stay usable on the device, and the page offers to sign in again when it needs the network.
 */
export const requireSession = (request: Request): void => {
  if (readSession()) return;
  const url = new URL(request.url);
  throw redirect(`/signin?returnTo=${encodeURIComponent(url.pathname + url.search)}`);
};
