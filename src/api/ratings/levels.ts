/**
 * The three levels of the "overall" and "convenience" questions, best first. Plain data, apart
 * from the rating contract (schema.ts builds its enum from it): the statistics page lists the
 * levels without loading, and building, the whole contract.
 */
export const RATING_LEVEL_VALUES = ['very-satisfied', 'satisfied', 'dissatisfied'] as const;
