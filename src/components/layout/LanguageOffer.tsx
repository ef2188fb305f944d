import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveLanguage } from '../../i18n/i18n.ts';

/**
 * A pre-rendered page is taken over in its own language (Vietnamese), so a visitor whose browser
 * prefers another one, and who has not chosen yet, is offered it here: each choice in its own
 * language ("Read in English" / "Giữ tiếng Việt"), remembered like the choice in the
 * preferences, applied at once without reloading. It sits over the bottom of the page (fixed),
 * so nothing on the page moves when it appears.
 */
const LanguageOffer = ({ to }: { to: string }) => {
  const { i18n } = useTranslation();
  const current = i18n.resolvedLanguage ?? i18n.language;
  const id = useId();
  // The offered language's strings (its first namespace, a couple of KB) load first.
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let cancelled = false;
    void i18n.loadLanguages(to).then(() => !cancelled && setReady(true));
    return () => {
      cancelled = true;
    };
  }, [i18n, to]);
  if (!ready) return null;
  const inOffered = i18n.getFixedT(to);
  const inCurrent = i18n.getFixedT(current);
  const choose = (lng: string) => {
    saveLanguage(lng);
    document.getElementById('main')?.focus({ preventScroll: true });
    if (lng !== current) void i18n.changeLanguage(lng);
    else i18n.emit('languageChanged', lng); // the offer goes: a choice is now saved
  };
  return (
    <section className="language-offer" aria-labelledby={id} lang={to}>
      <h2 id={id} className="visually-hidden">
        {inOffered('languageOffer.label')}
      </h2>
      <div className="actions">
        <button type="button" className="button" lang={to} onClick={() => choose(to)}>
          {inOffered('languageOffer.switch')}
        </button>
        <button type="button" className="button button--secondary" lang={current} onClick={() => choose(current)}>
          {inCurrent('languageOffer.stay')}
        </button>
      </div>
    </section>
  );
};

export default LanguageOffer;
