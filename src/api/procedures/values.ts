/**
 * The catalogue's closed lists as plain data (schema.ts builds its enums from them): the
 * catalogue page lists and checks them without loading, and building, the catalogue's contract
 * (docs/architecture/decisions.md, 3c).
 */

/** Online service levels: "một phần" (partial) and "toàn trình" (full-process); docs/domain/service-levels.md. */
export const SERVICE_LEVELS = ['partial', 'full'] as const;

/** Level of government that handles the procedure (cấp thực hiện), two-tier since 1/7/2025. */
export const TIERS = ['central', 'province', 'commune'] as const;

/** The value when it is one of `values`, else undefined (a stale link, a typo). */
export const oneOf = <T extends string>(values: readonly T[], value: string | null | undefined): T | undefined =>
  values.find((v) => v === value);
