/**
 * The five groups of the service-quality index (Decision 766/QĐ-TTg) and their maxima, as plain
 * data: the statistics page lists them without building the statistics' contract, which
 * schema.ts builds from the same list (docs/domain/quality-index.md).
 */
export const INDEX_GROUPS = ['transparency', 'progress', 'digitisation', 'online', 'satisfaction'] as const;
export type IndexGroup = (typeof INDEX_GROUPS)[number];
export const INDEX_MAX: Record<IndexGroup | 'total', number> = { transparency: 18, progress: 20, digitisation: 22, online: 22, satisfaction: 18, total: 100 };
