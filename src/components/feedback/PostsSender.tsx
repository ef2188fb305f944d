import { useEffect } from 'react';
import { drainPosts } from '../../offline/outbox.ts';
import { postTransport } from './post-transport.ts';

const POLL_MS = 30_000;

/**
 * Sends the reports waiting on this device, for a visitor who is not signed in too (the outbox
 * agent does the same for a signed-in citizen): now, when the connection returns, when the page
 * is shown again, when asked ('mcs:drain-outbox'), and every 30 s. Loaded by the footer only
 * while a report waits. Renders nothing.
 */
export const PostsSender = () => {
  useEffect(() => {
    const drain = () => {
      if (navigator.onLine) void drainPosts([''], postTransport).catch(() => undefined);
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') drain();
    };
    drain();
    const timer = setInterval(drain, POLL_MS);
    window.addEventListener('online', drain);
    window.addEventListener('mcs:drain-outbox', drain);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      window.removeEventListener('online', drain);
      window.removeEventListener('mcs:drain-outbox', drain);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, []);
  return null;
};

export default PostsSender;
