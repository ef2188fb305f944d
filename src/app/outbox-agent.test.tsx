import { beforeEach, describe, expect, it } from 'vitest';
import { render, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { http } from 'msw';
import { server } from '../../mocks/node.ts';
import { problem } from '../../mocks/handlers/problem.ts';
import { assistedState } from '../../mocks/assisted.ts';
import { issueAccessToken } from '../../mocks/idp.ts';
import { OIDC_STORAGE_PREFIX } from '../auth/config.ts';
import { setActingSession } from '../auth/session.ts';
import { endConsentDurably } from '../offline/consent-end.ts';
import { enqueuePost } from '../offline/outbox.ts';
import { listPosts } from '../offline/personal-db.ts';
import { consentBySms, VOLUNTEER } from '../test/assisted.ts';
import { personalPageTests, setOnline } from '../test/page-setup.ts';
import { OutboxAgent, outboxTransport } from './OutboxAgent.tsx';

/**
 * The outbox agent sends a help's consent end that waited on the phone (docs/domain/assisted.md)
 * when the signal returns — with the volunteer's own token, even while they already help the
 * next resident (the app's session is then that resident's) — and queues one itself when the
 * last dossier a help left waiting is sent but the end cannot reach the backend.
 */
personalPageTests();

/** Lan (mocks/fixtures/citizens.ts), the next resident Hùng helps. */
const LAN = 'vneid-092301004567';

beforeEach(() => {
  sessionStorage.setItem(
    `${OIDC_STORAGE_PREFIX}user:test`,
    JSON.stringify({ access_token: issueAccessToken(VOLUNTEER), id_token: '', expires_at: Math.floor(Date.now() / 1000) + 3600, profile: { sub: VOLUNTEER, name: 'Trần Văn Hùng' } }),
  );
  return () => setActingSession(null);
});

const statusOf = (consentId: string) => assistedState().consents.find((c) => c.id === consentId)?.status;

describe('the outbox agent and a help’s consent', () => {
  it('ends the consent of a help ended offline once the signal returns, while the volunteer helps the next resident', async () => {
    const consentId = consentBySms();
    setOnline(false);
    expect(await endConsentDurably(consentId)).toBe('queued');
    setActingSession({ sub: LAN, name: 'Lê Thị Lan', accessToken: 'delegated-of-lan', idToken: '', expiresAt: Math.floor(Date.now() / 1000) + 3600, consentId: 'UQ-next', actorSub: VOLUNTEER });
    render(
      <QueryClientProvider client={new QueryClient()}>
        <OutboxAgent owner={LAN} />
      </QueryClientProvider>,
    );
    expect(statusOf(consentId)).toBe('active');
    setOnline(true);
    await waitFor(() => expect(statusOf(consentId)).toBe('ended'));
    await waitFor(async () => expect(await listPosts([VOLUNTEER])).toMatchObject([{ kind: 'consent-end', state: 'sent', body: {} }]));
  });

  it('sends the volunteer’s own rating of help they received with their own token while they help someone, never the resident’s', async () => {
    // Hà once helped Hùng; Hùng rated that help offline, then started helping Lan.
    const consentId = consentBySms({ id: VOLUNTEER, idNumber: '046088005555', phone: '0905111222' }, 'vneid-060192006666');
    await enqueuePost({ id: crypto.randomUUID(), owner: VOLUNTEER, kind: 'help-rating', body: { consentId, overall: 'satisfied' } });
    setOnline(false);
    setActingSession({ sub: LAN, name: 'Lê Thị Lan', accessToken: 'delegated-of-lan', idToken: '', expiresAt: Math.floor(Date.now() / 1000) + 3600, consentId: 'UQ-next', actorSub: VOLUNTEER });
    render(
      <QueryClientProvider client={new QueryClient()}>
        <OutboxAgent owner={LAN} />
      </QueryClientProvider>,
    );
    setOnline(true);
    await waitFor(async () => expect(await listPosts([VOLUNTEER])).toMatchObject([{ kind: 'help-rating', state: 'sent' }]));
    expect(assistedState().helpRatings).toMatchObject([{ consentId, overall: 'satisfied' }]);
  });

  it('queues the end when the last waiting dossier went but the end cannot reach the backend', async () => {
    const consentId = consentBySms();
    server.use(http.post('*/api/assisted/consents/:id/end', () => problem(503, 'unavailable', 'Down for maintenance')));
    await outboxTransport(new QueryClient()).endConsent(consentId);
    expect(await listPosts([VOLUNTEER])).toMatchObject([{ owner: VOLUNTEER, kind: 'consent-end', state: 'queued', body: { consentId } }]);
    expect(statusOf(consentId)).toBe('active');
  });
});
