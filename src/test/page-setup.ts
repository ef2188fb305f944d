import { afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { wipePersonalData } from '../auth/wipe.ts';
import { initI18n } from '../i18n/i18n.ts';
import { beginPersonalSession } from '../offline/personal-db.ts';

/** The browser says it is online or not, and tells the page as it would. */
export const setOnline = (online: boolean): void => {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
};

/**
 * A signed-in citizen's page tests: Vietnamese, online, and each test on a phone with nothing
 * left by the one before (no session, no personal data); mocks restored after each.
 */
export const personalPageTests = (): void => {
  beforeAll(async () => {
    await initI18n('vi');
  });
  beforeEach(async () => {
    sessionStorage.clear();
    await wipePersonalData();
    beginPersonalSession();
    setOnline(true);
  });
  afterEach(() => {
    sessionStorage.clear();
    setOnline(true);
    vi.restoreAllMocks();
  });
};
