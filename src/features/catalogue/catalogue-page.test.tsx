import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { initI18n } from '../../i18n/i18n.ts';
import { renderAt } from '../../test/render-route.tsx';

beforeAll(async () => {
  await initI18n('vi');
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the catalogue search', () => {
  it('opens a result tapped before the address has caught up with the typing, even when the update is due before React renders', async () => {
    const router = renderAt('/services');
    const box = await screen.findByRole('searchbox', { name: 'Tìm thủ tục' });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fireEvent.change(box, { target: { value: 'thuong tru' } });
    const result = screen.getByRole('link', { name: 'Đăng ký thường trú' });
    // A busy phone: the tap starts the navigation and the address update falls due in the same
    // moment, before React has rendered anything of the navigation.
    result.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));
    vi.advanceTimersByTime(300);
    vi.useRealTimers();
    await waitFor(() => expect(router.state.location.pathname).toBe('/services/1.004222'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Đăng ký thường trú' })).toBeInTheDocument();
  });
});
