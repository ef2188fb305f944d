import { VOLUNTEER_ROLE } from './schema.ts';

/** A volunteer's team and commune, read from their ID token (docs/domain/assisted.md); null for anyone else. */
export interface VolunteerClaims {
  name: string;
  team: string;
  commune: string;
}

export const volunteerClaims = (idToken: string | undefined): VolunteerClaims | null => {
  const payload = idToken?.split('.')[1];
  if (!payload) return null;
  try {
    const json = new TextDecoder().decode(Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));
    const claims = JSON.parse(json) as { roles?: unknown; name?: unknown; volunteer_team?: unknown; volunteer_commune?: unknown };
    if (!Array.isArray(claims.roles) || !claims.roles.includes(VOLUNTEER_ROLE)) return null;
    return { name: String(claims.name ?? ''), team: String(claims.volunteer_team ?? ''), commune: String(claims.volunteer_commune ?? '') };
  } catch {
    return null;
  }
};
