import { VOLUNTEER_ROLE } from './schema.ts';
import type { Session } from '../../auth/session.ts';

/** The claims of an ID token (a JWT) the app already holds: read, not verified (the backend decides). */
const claimsOf = (idToken: string): Record<string, unknown> => {
  try {
    const payload = idToken.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='));
    const value: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0))));
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

/**
 * Whether the signed-in person is a community digital-technology volunteer (the `roles` claim,
 * docs/domain/assisted.md). Only for what to offer: the backend refuses a non-volunteer anyway.
 */
export const isVolunteer = (session: Session | null): boolean => {
  const roles = session ? claimsOf(session.idToken).roles : undefined;
  return Array.isArray(roles) && roles.includes(VOLUNTEER_ROLE);
};
