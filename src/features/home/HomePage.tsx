import { lazy, Suspense, useId } from 'react';
import { Form, Link, useLoaderData } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/ui/Icon.tsx';
import { WidgetBoundary } from '../../components/errors/WidgetBoundary.tsx';
import { ErrorPanel } from '../../components/errors/ErrorPanel.tsx';
import { useAfterFirstPaint } from '../../lib/use-after-first-paint.ts';
import { PopularList, type PopularService } from './PopularList.tsx';

// The home page is in the first bundle, so it stays light: when the page did not come with its
// popular services (app/routes/home.ts), the list (which needs the catalogue and zod) arrives as
// its own chunk after the first paint.
const PopularServices = lazy(() => import('./PopularServices.tsx'));

const LatePopularServices = () => {
  const { t } = useTranslation();
  const showPopular = useAfterFirstPaint();
  return (
    <WidgetBoundary fallback={(error, reset) => <ErrorPanel error={error} onRetry={reset} headingLevel="h2" />}>
      <Suspense fallback={<p className="loading">{t('loading')}</p>}>{showPopular ? <PopularServices /> : <p className="loading">{t('loading')}</p>}</Suspense>
    </WidgetBoundary>
  );
};

/** Plain-language shortcuts into the catalogue, by what people come for most. */
const shortcuts = [
  { key: 'birth', q: 'khai sinh' },
  { key: 'residence', q: 'thường trú' },
  { key: 'marriage', q: 'kết hôn' },
  { key: 'criminalRecord', q: 'lý lịch tư pháp' },
  { key: 'certify', q: 'chứng thực' },
  { key: 'driving', q: 'giấy phép lái xe' },
] as const;

export const HomePage = () => {
  const { t } = useTranslation();
  const searchId = useId();
  const popular = useLoaderData<PopularService[] | null | undefined>();
  return (
    <div className="home">
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title')}</h1>
        <p>{t('home.lead')}</p>
        <Form action="/services" method="get" role="search" className="search-form">
          <label htmlFor={searchId}>{t('home.searchLabel')}</label>
          <div className="search-form__row">
            <input id={searchId} type="search" name="q" autoComplete="off" enterKeyHint="search" placeholder={t('home.searchPlaceholder')} />
            <button type="submit" className="button">
              <Icon name="search" size={20} />
              <span>{t('home.searchButton')}</span>
            </button>
          </div>
        </Form>
      </section>
      <section aria-labelledby="shortcuts-title">
        <h2 id="shortcuts-title">{t('home.shortcutsTitle')}</h2>
        <ul className="shortcut-grid">
          {shortcuts.map((s) => (
            <li key={s.key}>
              <Link to={`/services?q=${encodeURIComponent(s.q)}`}>{t(`home.shortcuts.${s.key}`)}</Link>
            </li>
          ))}
        </ul>
        <p>
          <Link to="/stats">{t('home.statsLink')}</Link>
        </p>
      </section>
      <section aria-labelledby="levels-title" className="levels-intro">
        <h2 id="levels-title">{t('home.levelsTitle')}</h2>
        <p>
          <strong>{t('home.levelFull')}</strong> {t('home.levelFullText')}
        </p>
        <p>
          <strong>{t('home.levelPartial')}</strong> {t('home.levelPartialText')}
        </p>
      </section>
      {popular ? <PopularList services={popular} /> : <LatePopularServices />}
    </div>
  );
};
