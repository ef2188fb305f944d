import { useId, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { languages, saveLanguage } from '../../i18n/i18n.ts';
import { currentTextSize, saveTextSize, subscribeTextSize, textSizes } from '../../lib/preferences.ts';

/** Native name of a language ("Tiếng Việt", "English"), without loading its locale. */
const languageNames = new Map<string, string>();
const languageName = (lng: string): string => {
  let name = languageNames.get(lng);
  if (name === undefined) {
    const raw = new Intl.DisplayNames([lng], { type: 'language' }).of(lng) ?? lng;
    name = raw.charAt(0).toLocaleUpperCase(lng) + raw.slice(1);
    languageNames.set(lng, name);
  }
  return name;
};

/** Language and text size: in the header panel and on the settings page. */
export const PreferencesForm = () => {
  const { t, i18n } = useTranslation();
  const size = useSyncExternalStore(subscribeTextSize, currentTextSize, () => 'normal');
  // The form can be on the page twice (header panel and settings): radio groups need their own names.
  const id = useId();
  // A language's strings may still be on their way (3G): show the choice at once, not when loaded.
  const [pendingLanguage, setPendingLanguage] = useState<string | null>(null);
  const chosenLanguage = pendingLanguage ?? i18n.resolvedLanguage;
  return (
    <div className="prefs">
      <fieldset>
        <legend>{t('preferences.language')}</legend>
        {languages.map((lng) => (
          <label key={lng} className="choice" lang={lng}>
            <input
              type="radio"
              name={`${id}-language`}
              value={lng}
              checked={chosenLanguage === lng}
              onChange={() => {
                saveLanguage(lng);
                setPendingLanguage(lng);
                void i18n.changeLanguage(lng).finally(() => setPendingLanguage(null));
              }}
            />
            <span>{languageName(lng)}</span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('preferences.textSize')}</legend>
        {textSizes.map((s) => (
          <label key={s} className={`choice choice--size-${s}`}>
            <input
              type="radio"
              name={`${id}-text-size`}
              value={s}
              checked={size === s}
              onChange={() => saveTextSize(s)}
            />
            <span>{t(`preferences.sizes.${s}`)}</span>
          </label>
        ))}
      </fieldset>
    </div>
  );
};
