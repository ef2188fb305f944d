import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PreferencesForm } from '../../components/layout/PreferencesForm.tsx';
import { usePageTitle } from '../../components/layout/use-document-title.ts';
import { useOnline } from '../../lib/use-online.ts';

interface StorageInfo {
  offlineReady: boolean;
  persisted: boolean | null;
  usageMb: number | null;
  quotaMb: number | null;
}

const readStorage = async (): Promise<StorageInfo> => {
  const registration = 'serviceWorker' in navigator ? await navigator.serviceWorker.getRegistration() : undefined;
  const estimate = navigator.storage?.estimate ? await navigator.storage.estimate() : undefined;
  const persisted = navigator.storage?.persisted ? await navigator.storage.persisted() : null;
  const mb = (bytes: number | undefined) => (bytes === undefined ? null : Math.round((bytes / 1_048_576) * 10) / 10);
  return { offlineReady: Boolean(registration?.active), persisted, usageMb: mb(estimate?.usage), quotaMb: mb(estimate?.quota) };
};

export const SettingsPage = () => {
  const { t } = useTranslation('settings');
  usePageTitle(t('title'));
  // Lazy namespace: what the device keeps (not needed on the first paint of any page).
  const { t: td } = useTranslation('documents');
  const online = useOnline();
  const [storage, setStorage] = useState<StorageInfo | null>(null);
  useEffect(() => {
    let live = true;
    void readStorage().then((info) => live && setStorage(info));
    return () => {
      live = false;
    };
  }, []);
  return (
    <div className="settings">
      <h1>{t('title')}</h1>
      <section aria-labelledby="display-title" className="card">
        <h2 id="display-title">{t('display')}</h2>
        <PreferencesForm />
      </section>
      <section aria-labelledby="offline-title" className="card">
        <h2 id="offline-title">{t('offline')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('connection')}</dt>
            <dd>{online ? t('online') : t('offlineNow')}</dd>
          </div>
          <div>
            <dt>{t('offlineReady')}</dt>
            <dd>{storage === null ? '…' : storage.offlineReady ? t('yes') : t('notYet')}</dd>
          </div>
          {storage?.persisted != null ? (
            <div>
              <dt>{td('storage.persisted')}</dt>
              <dd>{storage.persisted ? td('storage.persistedYes') : td('storage.persistedNo')}</dd>
            </div>
          ) : null}
          {storage?.usageMb != null && storage.quotaMb != null ? (
            <div>
              <dt>{t('storage')}</dt>
              <dd>{t('storageUsed', { usage: storage.usageMb, quota: storage.quotaMb })}</dd>
            </div>
          ) : null}
        </dl>
        <p className="hint">{t('offlineHint')}</p>
      </section>
      <p className="hint">{t('version', { version: __APP_VERSION__ })}</p>
    </div>
  );
};
