import { z } from 'zod/mini';

/**
 * Administrative units after 1 July 2025 (Resolution 202/2025/QH15): two tiers only,
 * 34 province-level units and commune-level units (xã, phường, đặc khu). Districts are gone.
 */
export const Province = z.object({
  /** Statistics office code, two digits, e.g. "01" Hà Nội. */
  code: z.string().check(z.regex(/^\d{2}$/)),
  name: z.string().check(z.minLength(1)),
  kind: z.enum(['city', 'province']),
});
export type Province = z.infer<typeof Province>;

export const Commune = z.object({
  /** Statistics office code, five digits. */
  code: z.string().check(z.regex(/^\d{5}$/)),
  name: z.string().check(z.minLength(1)),
  kind: z.enum(['ward', 'commune', 'special-zone']),
  provinceCode: z.string().check(z.regex(/^\d{2}$/)),
});
export type Commune = z.infer<typeof Commune>;
