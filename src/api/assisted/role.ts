import type { Session } from '../../auth/session.ts';
import { volunteerClaims } from './volunteer.ts';

/**
 * Whether the signed-in person is a community digital-technology volunteer (the `roles` claim,
 * docs/domain/assisted.md). Only for what to offer: the backend refuses a non-volunteer anyway.
 */
export const isVolunteer = (session: Session | null): boolean => Boolean(session && volunteerClaims(session.idToken));
