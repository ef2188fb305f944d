import { useEffect, useId, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useLocation, useNavigation, useSearchParams } from 'react-router';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { catalogueQueryOptions } from '../../api/procedures/queries.ts';
import { SERVICE_LEVELS, TIERS } from '../../api/procedures/values.ts';
import { usePageTitle } from '../../components/layout/use-document-title.ts';
import { Icon } from '../../components/ui/Icon.tsx';
import { catalogueSearch } from './search.ts';
import { activeFilterCount, filterKeys, readFilters, type FilterKey } from './filters.ts';
import { ProcedureCard } from './ProcedureCard.tsx';

const PAGE = 20;

export const CataloguePage = () => {
  const { t, i18n } = useTranslation('catalogue');
  usePageTitle(t('title'));
  const english = i18n.resolvedLanguage !== 'vi';
  const { data: catalogue } = useSuspenseQuery(catalogueQueryOptions());
  const [params, setParams] = useSearchParams();
  // The query lives in state so a keystroke re-renders only this page; the URL (?q=, for reload
  // and sharing) follows a moment later. A new ?q= from outside (home search, back) wins.
  const urlQuery = params.get('q') ?? '';
  const [query, setQuery] = useState(urlQuery);
  const [seenUrlQuery, setSeenUrlQuery] = useState(urlQuery);
  if (urlQuery !== seenUrlQuery) {
    setSeenUrlQuery(urlQuery);
    setQuery(urlQuery);
  }
  const filters = useMemo(() => readFilters(params, catalogue), [params, catalogue]);
  const filterCount = activeFilterCount(filters);
  const [limit, setLimit] = useState(PAGE);
  const searchId = useId();

  const search = useMemo(() => catalogueSearch(catalogue.procedures), [catalogue.procedures]);
  // The search index, built while the browser is idle, so the first keystroke finds it ready.
  useEffect(() => {
    if (typeof window.requestIdleCallback !== 'function') return;
    let handle = 0;
    const slice = (deadline: IdleDeadline) => {
      if (!search.prepare(deadline)) handle = window.requestIdleCallback(slice);
    };
    handle = window.requestIdleCallback(slice);
    return () => window.cancelIdleCallback(handle);
  }, [search]);
  const results = useMemo(() => {
    // Marks let the benchmark (scripts/bench-search.ts) time search in a real, throttled browser:
    // the index's remainder, when a query comes before the idle time built it, on its own.
    if (query.trim()) {
      performance.mark('catalogue-index:start');
      search.finish();
      performance.measure('catalogue-index', 'catalogue-index:start');
    }
    performance.mark('catalogue-search:start');
    const found = search.search(query, filters);
    performance.measure('catalogue-search', 'catalogue-search:start');
    return found;
  }, [search, query, filters]);

  // setSearchParams's updater sees the params of the last render, not of a navigation still
  // under way: two quick changes would lose the first. Build on what we wrote last instead.
  const written = useRef<URLSearchParams | null>(null);
  useEffect(() => {
    written.current = null;
  }, [params]);
  const update = (changes: Partial<Record<'q' | FilterKey, string>>) => {
    setLimit(PAGE);
    const next = new URLSearchParams(written.current ?? params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    written.current = next;
    if ('q' in changes) setSeenUrlQuery(changes.q ?? '');
    setParams(next, { replace: true, preventScrollReset: true });
  };

  const urlSync = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(urlSync.current), []);
  // A result opened while the URL update still waits: that update would replace the navigation
  // to the result (still loading its data on a slow phone) and keep the citizen here.
  const { pathname } = useLocation();
  const leavingFor = useNavigation().location?.pathname;
  useEffect(() => {
    if (leavingFor !== undefined && leavingFor !== pathname) clearTimeout(urlSync.current);
  }, [leavingFor, pathname]);
  // A result tapped right after typing starts leaving this page (its code and data still on the
  // way): the query written then would land on the next page's URL. Leaving drops it.
  const navigation = useNavigation();
  const leaving = useRef(false);
  useEffect(() => {
    leaving.current = navigation.state !== 'idle' && navigation.location.pathname !== pathname;
  }, [navigation, pathname]);
  // …and a tap on a result drops it at once, in the tap itself: the two checks above see the
  // navigation only once React has rendered it, and on a busy phone the timer can fire first,
  // replacing the navigation to the result so the tap seems to do nothing.
  const onClick = (event: MouseEvent) => {
    if (event.target instanceof Element && event.target.closest('a[href]')) clearTimeout(urlSync.current);
  };
  const onQueryChange = (value: string) => {
    setQuery(value);
    setLimit(PAGE);
    clearTimeout(urlSync.current);
    urlSync.current = setTimeout(() => {
      if (!leaving.current) update({ q: value });
    }, 300);
  };

  const clearFilters = () => update(Object.fromEntries(filterKeys.map((k) => [k, ''])));

  return (
    <div className="catalogue" onClick={onClick}>
      <h1>{t('title')}</h1>
      <form role="search" className="search-form" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={searchId}>{t('search.label')}</label>
        <p className="hint" id={`${searchId}-hint`}>
          {t('search.hint')}
        </p>
        <div className="search-form__row">
          <input
            id={searchId}
            type="search"
            name="q"
            value={query}
            aria-describedby={`${searchId}-hint`}
            autoComplete="off"
            enterKeyHint="search"
            onChange={(e) => onQueryChange(e.target.value)}
          />
          <Icon name="search" />
        </div>
      </form>

      <details className="filters" open={filterCount > 0 || undefined}>
        <summary>{filterCount > 0 ? t('filters.titleCount', { count: filterCount }) : t('filters.title')}</summary>
        <div className="filters__grid">
          <label>
            <span>{t('filters.level')}</span>
            <select value={filters.level ?? ''} onChange={(e) => update({ level: e.target.value })}>
              <option value="">{t('filters.all')}</option>
              {SERVICE_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t(`level.${l}.short`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('filters.field')}</span>
            <select value={filters.field ?? ''} onChange={(e) => update({ field: e.target.value })}>
              <option value="">{t('filters.all')}</option>
              {catalogue.fields.map((f) => (
                <option key={f.id} value={f.id}>
                  {english ? f.nameEn : f.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('filters.agency')}</span>
            <select value={filters.agency ?? ''} onChange={(e) => update({ agency: e.target.value })}>
              <option value="">{t('filters.all')}</option>
              {catalogue.agencies.map((a) => (
                <option key={a.id} value={a.id}>
                  {english ? a.nameEn : a.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('filters.tier')}</span>
            <select value={filters.tier ?? ''} onChange={(e) => update({ tier: e.target.value })}>
              <option value="">{t('filters.all')}</option>
              {TIERS.map((tierOption) => (
                <option key={tierOption} value={tierOption}>
                  {t(`tier.${tierOption}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        {filterCount > 0 ? (
          <button type="button" className="button button--secondary" onClick={clearFilters}>
            {t('filters.clear')}
          </button>
        ) : null}
      </details>

      <p className="result-count" role="status" aria-live="polite">
        {t('results.count', { count: results.length })}
      </p>

      {results.length === 0 ? (
        <div className="no-results">
          <h2>{t('results.noneTitle')}</h2>
          <ul>
            <li>{t('results.tipSpelling')}</li>
            <li>{t('results.tipFewerWords')}</li>
            {filterCount > 0 ? <li>{t('results.tipFilters')}</li> : null}
          </ul>
          <div className="actions">
            {filterCount > 0 ? (
              <button type="button" className="button" onClick={clearFilters}>
                {t('filters.clear')}
              </button>
            ) : null}
            {query ? (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  clearTimeout(urlSync.current);
                  setQuery('');
                  update({ q: '' });
                }}
              >
                {t('results.showAll')}
              </button>
            ) : null}
          </div>
        </div>
      ) : (
        <>
          <ul className="procedure-list">
            {results.slice(0, limit).map((p) => (
              <ProcedureCard key={p.id} procedure={p} />
            ))}
          </ul>
          {results.length > limit ? (
            <button type="button" className="button button--secondary button--block" onClick={() => setLimit((l) => l + PAGE)}>
              {t('results.more', { count: Math.min(PAGE, results.length - limit) })}
            </button>
          ) : null}
        </>
      )}
    </div>
  );
};
