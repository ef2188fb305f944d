import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { assistedState } from '../../../mocks/assisted.ts';
import { setFaults } from '../../../mocks/faults.ts';
import { CLIENT_ID, findCitizen, issueAccessToken, profileClaims, signJwt } from '../../../mocks/idp.ts';
import { OIDC_STORAGE_PREFIX } from '../../auth/config.ts';
import { readActingSession, readOwnSession, setActingSession } from '../../auth/session.ts';
import { wipePersonalData } from '../../auth/wipe.ts';
import { initI18n } from '../../i18n/i18n.ts';
import { beginPersonalSession } from '../../offline/personal-db.ts';
import { MARITAL, VOLUNTEER } from '../../test/assisted.ts';
import { renderAt } from '../../test/render-route.tsx';
import type * as ResidentSignInModule from '../../auth/resident-sign-in.ts';

/** Where the app would send the browser for the resident's sign-in (jsdom cannot leave the page). */
const sent: string[] = [];
vi.mock('../../auth/resident-sign-in.ts', async (original) => {
  const actual = await original<typeof ResidentSignInModule>();
  return {
    ...actual,
    startResidentSignIn: async (state: unknown) => {
      sent.push(await actual.residentSignInUrl(state));
    },
  };
});

const origin = 'http://localhost:3000';
const AN = 'vneid-046095001234';

/** Trần Văn Hùng signed in as himself (his ID token carries the volunteer's role). */
const signInVolunteer = () => {
  const now = Math.floor(Date.now() / 1000);
  const citizen = findCitizen(VOLUNTEER);
  if (!citizen) throw new Error('no volunteer');
  const idToken = signJwt({ iss: `${origin}/idp`, aud: CLIENT_ID, iat: now, exp: now + 3600, auth_time: now, ...profileClaims(citizen) });
  sessionStorage.setItem(
    `${OIDC_STORAGE_PREFIX}user:test`,
    JSON.stringify({ access_token: issueAccessToken(VOLUNTEER), id_token: idToken, expires_at: now + 3600, profile: { sub: VOLUNTEER, name: 'Trần Văn Hùng' } }),
  );
};

/** At the simulated VNeID, with the request the app sent: the person chosen allows (or declines). Back to the app's callback. */
const atProvider = async (citizen: string, decision: 'allow' | 'deny' = 'allow'): Promise<string> => {
  const request = new URL(sent.at(-1) ?? '');
  expect(request.pathname).toBe('/idp/authorize');
  // A separate request for the resident: its own callback, and the provider must ask who is there.
  expect(request.searchParams.get('redirect_uri')).toBe(`${origin}/assist/signed-in`);
  expect(request.searchParams.get('prompt')).toBe('login');
  const body = new URLSearchParams(request.searchParams);
  body.set('citizen', citizen);
  body.set('decision', decision);
  const response = await fetch(`${origin}/idp/authorize`, { method: 'POST', body, redirect: 'manual' });
  const back = response.headers.get('Location') ?? '';
  expect(back.startsWith(`${origin}/assist/signed-in?`)).toBe(true);
  return back;
};

/** The browser comes back to the app at the callback: a fresh page load there (the page before it is gone). */
const returnTo = (url: string) => {
  cleanup();
  window.history.replaceState(null, '', url);
  return renderAt(url.slice(origin.length));
};

/** The volunteer chooses the sign-in way, the procedure, and hands the phone over. */
const chooseSignIn = async () => {
  const user = userEvent.setup();
  renderAt('/assist');
  await user.click(await screen.findByRole('radio', { name: 'Người dân đăng nhập bằng VNeID trên điện thoại này' }));
  // No ID number to type: the resident says who they are by signing in.
  expect(screen.queryByRole('textbox', { name: /Số định danh cá nhân/ })).toBeNull();
  await user.selectOptions(await screen.findByRole('combobox', { name: 'Thủ tục sẽ nộp' }), MARITAL);
  // The same consent screen as for a code by SMS: the volunteer, what, which data, until when.
  expect(screen.getByText('Tình nguyện viên Trần Văn Hùng (Tổ công nghệ số cộng đồng phường Kim Long) nộp hồ sơ thay tôi.')).toBeInTheDocument();
  expect(screen.getByText(/Hồ sơ sẽ nộp: Cấp Giấy xác nhận tình trạng hôn nhân/)).toBeInTheDocument();
  expect(screen.getByText(/Dữ liệu được dùng: Thông tin nhân thân, Nơi cư trú, Số điện thoại, email/)).toBeInTheDocument();
  expect(screen.getByText(/Đồng ý có hiệu lực đến \d\d:\d\d/)).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Người dân đăng nhập bằng VNeID' }));
  await waitFor(() => expect(sent).toHaveLength(1));
  return user;
};

const setOnline = (online: boolean) => {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
};

beforeAll(async () => {
  await initI18n('vi');
});

beforeEach(async () => {
  sent.length = 0;
  sessionStorage.clear();
  setActingSession(null);
  await wipePersonalData();
  beginPersonalSession();
  signInVolunteer();
});
afterEach(() => {
  setOnline(true);
  setActingSession(null);
  sessionStorage.clear();
});

describe('/assist: the resident signs in with their own VNeID on the volunteer’s phone', () => {
  it('records the consent from the resident’s sign-in and starts helping them, the volunteer’s own session untouched', async () => {
    await chooseSignIn();
    const router = returnTo(await atProvider(AN));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/services/${MARITAL}/apply`));
    expect(readActingSession()).toMatchObject({ name: 'Nguyễn Văn An', actorSub: VOLUNTEER });
    // Hùng is still the one signed in underneath, and no session of An's was left in the tab.
    expect(readOwnSession()?.sub).toBe(VOLUNTEER);
    expect(Object.keys(sessionStorage).filter((k) => k.startsWith(`${OIDC_STORAGE_PREFIX}user:`))).toEqual([`${OIDC_STORAGE_PREFIX}user:test`]);
    expect(Object.keys(sessionStorage).some((k) => k.startsWith('mcs.resident-signin.'))).toBe(false);
    const [consent] = assistedState().consents;
    expect(consent).toMatchObject({ method: 'resident-sign-in', status: 'active', residentId: AN, volunteerId: VOLUNTEER });
    expect(consent?.scope).toEqual({ procedures: [MARITAL], data: ['identity', 'residence', 'contact'] });
  });

  it('says the resident cancelled at VNeID, records nothing, and puts the volunteer’s choices back', async () => {
    await chooseSignIn();
    const user = userEvent.setup();
    const router = returnTo(await atProvider('', 'deny'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Người dân đã từ chối hoặc huỷ đăng nhập trên VNeID');
    expect(assistedState().consents).toHaveLength(0);
    expect(readActingSession()).toBeNull();
    await user.click(screen.getByRole('link', { name: 'Quay lại' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/assist'));
    expect(await screen.findByRole('radio', { name: 'Người dân đăng nhập bằng VNeID trên điện thoại này' })).toBeChecked();
    expect(screen.getByRole('combobox', { name: 'Thủ tục sẽ nộp' })).toHaveValue(MARITAL);
  });

  it('refuses the volunteer signing in as the “resident”: it must be someone else', async () => {
    await chooseSignIn();
    const user = userEvent.setup();
    returnTo(await atProvider(VOLUNTEER));
    expect(await screen.findByRole('alert')).toHaveTextContent('Người vừa đăng nhập là chính bạn. Người dân phải đăng nhập bằng tài khoản VNeID của chính họ');
    expect(readActingSession()).toBeNull();
    expect(assistedState().consents).toHaveLength(0);
    // The resident signs in again, with the same choices.
    await user.click(screen.getByRole('button', { name: 'Người dân đăng nhập lại' }));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(new URL(sent[1] ?? '').searchParams.get('redirect_uri')).toBe(`${origin}/assist/signed-in`);
  });

  it('keeps the resident’s sign-in when the connection drops, and records the consent when it is back', async () => {
    await chooseSignIn();
    const user = userEvent.setup();
    const back = await atProvider(AN);
    setFaults({ rules: [{ path: '/api/assisted/consents/signed-in', status: 'network', times: 1 }] });
    const router = returnTo(back);
    expect(await screen.findByRole('alert')).toHaveTextContent('Mất kết nối mạng nên chưa ghi nhận được sự đồng ý');
    expect(readActingSession()).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Thử lại' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/services/${MARITAL}/apply`));
    expect(readActingSession()?.name).toBe('Nguyễn Văn An');
    expect(assistedState().consents).toHaveLength(1);
  });

  it('says when leaving for VNeID fails for want of a connection, and keeps every choice', async () => {
    const user = userEvent.setup();
    renderAt('/assist');
    await user.click(await screen.findByRole('radio', { name: 'Người dân đăng nhập bằng VNeID trên điện thoại này' }));
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Thủ tục sẽ nộp' }), MARITAL);
    setOnline(false);
    await user.click(screen.getByRole('button', { name: 'Người dân đăng nhập bằng VNeID' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Cần có mạng');
    expect(sent).toHaveLength(0);
    expect(screen.getByRole('combobox', { name: 'Thủ tục sẽ nộp' })).toHaveValue(MARITAL);
  });
});
