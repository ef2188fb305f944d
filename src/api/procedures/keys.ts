/**
 * Query keys from general to specific: invalidate `procedureKeys.all` to refetch everything.
 * A module of their own, without the requests and their schemas: code that only looks in the
 * cache (the home page's popular list, app/routes/home.ts) does not load zod for it.
 */
export const procedureKeys = {
  all: ['procedures'] as const,
  catalogue: () => [...procedureKeys.all, 'catalogue'] as const,
  detail: (id: string) => [...procedureKeys.all, 'detail', id] as const,
  translation: (id: string, lang: string) => [...procedureKeys.all, 'translation', id, lang] as const,
  offices: (id: string, provinceCodes: readonly string[]) => [...procedureKeys.all, 'offices', id, ...provinceCodes] as const,
};
