import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import i18next from 'i18next';
import { initI18n } from '../../i18n/i18n.ts';
import LanguageOffer from './LanguageOffer.tsx';

beforeAll(async () => {
  await initI18n('vi');
});
beforeEach(() => {
  localStorage.clear();
});

describe('LanguageOffer', () => {
  it('offers English in English without loading the rest of English; keeping Vietnamese is remembered', async () => {
    const { unmount } = render(<LanguageOffer to="en" />);
    const region = await screen.findByRole('region', { name: 'Language of this page' });
    expect(region).toHaveAttribute('lang', 'en');
    expect(screen.getByRole('button', { name: 'Read in English' })).toHaveAttribute('lang', 'en');
    const stay = screen.getByRole('button', { name: 'Giữ tiếng Việt' });
    expect(stay).toHaveAttribute('lang', 'vi');
    expect(i18next.hasResourceBundle('en', 'common')).toBe(false);

    fireEvent.click(stay);
    expect(localStorage.getItem('mcs.language')).toBe('vi');
    expect(i18next.language).toBe('vi');
    expect(i18next.hasResourceBundle('en', 'common')).toBe(false);
    unmount();
  });

  it('switches the page to English, its strings loaded only then', async () => {
    render(<LanguageOffer to="en" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Read in English' }));
    expect(localStorage.getItem('mcs.language')).toBe('en');
    await waitFor(() => expect(i18next.language).toBe('en'));
    expect(i18next.hasResourceBundle('en', 'common')).toBe(true);
    expect(i18next.t('skipToContent')).not.toBe(i18next.getFixedT('vi')('skipToContent'));
    expect(document.documentElement.lang).toBe('en');
  });
});
