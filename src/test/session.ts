import { issueAccessToken } from '../../mocks/idp.ts';
import { OIDC_STORAGE_PREFIX } from '../auth/config.ts';

/** Nguyễn Văn An, phone 0912345678 (mocks/fixtures/citizens.ts). */
export const CITIZEN = 'vneid-046095001234';

/** A signed-in session as the OIDC library leaves it in sessionStorage, with a token the simulated backend accepts. */
export const signIn = (citizenId = CITIZEN, name = 'Nguyễn Văn An') => {
  const token = issueAccessToken(citizenId);
  sessionStorage.setItem(
    `${OIDC_STORAGE_PREFIX}user:test`,
    JSON.stringify({ access_token: token, id_token: '', expires_at: Math.floor(Date.now() / 1000) + 3600, profile: { sub: citizenId, name } }),
  );
};
