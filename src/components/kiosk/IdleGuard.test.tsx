import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { initI18n } from '../../i18n/i18n.ts';
import { IdleGuard } from './IdleGuard.tsx';

beforeAll(async () => {
  await initI18n('en');
  await i18next.loadNamespaces('kiosk');
  // jsdom has no <dialog> methods: open/close as the browser would.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.open = false;
  };
});

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const seconds = async (n: number) => {
  for (let i = 0; i < n; i++) await act(() => vi.advanceTimersByTimeAsync(1000));
};

describe('IdleGuard', () => {
  it('asks after the idle time, counts down the whole 30 s, then ends the session', async () => {
    const onEnd = vi.fn();
    render(<IdleGuard active idleSeconds={90} countdownSeconds={30} onEnd={onEnd} />);
    await seconds(89);
    expect(screen.queryByText("I'm still here")).toBeNull();
    await seconds(1);
    expect(screen.getByRole('heading', { name: 'Are you still there?' })).toBeInTheDocument();
    expect(screen.getByText('30 seconds left')).toBeInTheDocument();
    await seconds(29);
    expect(screen.getByText('1 second left')).toBeInTheDocument();
    expect(onEnd).not.toHaveBeenCalled();
    await seconds(1);
    expect(onEnd).toHaveBeenCalledTimes(1);
  });

  it("extends as often as asked: \"I'm still here\" starts the full wait again, every time", async () => {
    const onEnd = vi.fn();
    render(<IdleGuard active idleSeconds={90} countdownSeconds={30} onEnd={onEnd} />);
    for (let round = 0; round < 3; round++) {
      await seconds(90 + 20);
      fireEvent.click(screen.getByRole('button', { name: "I'm still here" }));
      expect(screen.queryByText(/seconds left/)).toBeNull();
    }
    await seconds(89);
    expect(screen.queryByText(/seconds left/)).toBeNull();
    expect(onEnd).not.toHaveBeenCalled();
  });

  it('restarts the wait on any touch or key, so a person who is typing is never asked', async () => {
    const onEnd = vi.fn();
    render(<IdleGuard active idleSeconds={90} countdownSeconds={30} onEnd={onEnd} />);
    await seconds(80);
    fireEvent.pointerDown(document.body);
    await seconds(80);
    fireEvent.keyDown(document.body, { key: '1' });
    await seconds(80);
    expect(screen.queryByText(/seconds left/)).toBeNull();
    await seconds(10);
    expect(screen.getByText('30 seconds left')).toBeInTheDocument();
  });

  it('"Finish now" ends at once; nothing is watched while inactive', async () => {
    const onEnd = vi.fn();
    const { rerender } = render(<IdleGuard active={false} idleSeconds={90} countdownSeconds={30} onEnd={onEnd} />);
    await seconds(200);
    expect(screen.queryByRole('dialog')).toBeNull();
    rerender(<IdleGuard active idleSeconds={60} countdownSeconds={45} onEnd={onEnd} />);
    await seconds(60);
    expect(screen.getByText('45 seconds left')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Finish now' }));
    expect(onEnd).toHaveBeenCalledTimes(1);
    await seconds(60);
    expect(onEnd).toHaveBeenCalledTimes(1);
  });
});
