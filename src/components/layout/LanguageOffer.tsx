import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadNamespaceIn, saveLanguage } from '../../i18n/i18n.ts';

/**
 * A pre-rendered page is taken over in its own language (Vietnamese), so a visitor whose browser
 * prefers another one, and who has not chosen yet, is offered it here: each choice in its own
 * language ("Read in English" / "Giữ tiếng Việt"), remembered like the choice in the
 * preferences, applied without reloading. It sits over the bottom of the page (fixed), so
 * nothing on the page moves when it appears.
 *
 * Only the offer's own words load first (the `offer` namespace, in both languages: a few dozen
 * bytes each). The offered language's other strings load when it is chosen: a visitor who keeps
 * Vietnamese never downloads them, and the page's first seconds on a slow phone do not parse
 * them. Until they are here the page stays as it is, with the button marked busy.
 */
const LanguageOffer = ({ to }: { to: string }) => {
  const { i18n } = useTranslation();
  const current = i18n.resolvedLanguage ?? i18n.language;
  const id = useId();
  const [ready, setReady] = useState(false);
  const [switching, setSwitching] = useState(false);
  useEffect(() => {
    let cancelled = false;
    Promise.all([loadNamespaceIn(to, 'offer'), loadNamespaceIn(current, 'offer')]).then(
      () => !cancelled && setReady(true),
      () => undefined, // Not offered: the preferences still have every language.
    );
    return () => {
      cancelled = true;
    };
  }, [to, current]);
  if (!ready) return null;
  const inOffered = i18n.getFixedT(to, 'offer');
  const inCurrent = i18n.getFixedT(current, 'offer');
  const choose = (lng: string) => {
    saveLanguage(lng);
    if (lng === current) {
      document.getElementById('main')?.focus({ preventScroll: true });
      i18n.emit('languageChanged', lng); // the offer goes: a choice is now saved
      return;
    }
    setSwitching(true);
    void i18n.changeLanguage(lng).finally(() => document.getElementById('main')?.focus({ preventScroll: true }));
  };
  return (
    <section className="language-offer" aria-labelledby={id} lang={to}>
      <h2 id={id} className="visually-hidden">
        {inOffered('label')}
      </h2>
      <div className="actions">
        <button type="button" className="button" lang={to} aria-busy={switching || undefined} disabled={switching} onClick={() => choose(to)}>
          {inOffered('switch')}
        </button>
        <button type="button" className="button button--secondary" lang={current} disabled={switching} onClick={() => choose(current)}>
          {inCurrent('stay')}
        </button>
      </div>
    </section>
  );
};

export default LanguageOffer;
