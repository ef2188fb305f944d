import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { useRef } from 'react';
import { useNearViewport } from './use-near-viewport.ts';

const Probe = () => {
  const ref = useRef<HTMLDivElement>(null);
  const near = useNearViewport(ref);
  return <div ref={ref}>{near ? 'near' : 'far'}</div>;
};

/** A stand-in IntersectionObserver whose callback the test calls. */
const installObserver = () => {
  const observers: { callback: IntersectionObserverCallback; options?: IntersectionObserverInit; targets: Element[]; disconnected: boolean }[] = [];
  class FakeObserver {
    record: (typeof observers)[number];
    constructor(callback: IntersectionObserverCallback, options?: IntersectionObserverInit) {
      this.record = { callback, ...(options ? { options } : {}), targets: [], disconnected: false };
      observers.push(this.record);
    }
    observe(target: Element) {
      this.record.targets.push(target);
    }
    disconnect() {
      this.record.disconnected = true;
    }
  }
  vi.stubGlobal('IntersectionObserver', FakeObserver);
  const report = (isIntersecting: boolean) =>
    act(() => {
      for (const o of observers) o.callback(o.targets.map((target) => ({ target, isIntersecting }) as IntersectionObserverEntry), {} as IntersectionObserver);
    });
  return { observers, report };
};

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('useNearViewport', () => {
  it('stays false until the element comes within a screen of the visible part, then stays true', async () => {
    const { observers, report } = installObserver();
    render(<Probe />);
    expect(screen.getByText('far')).toBeInTheDocument();
    expect(observers).toHaveLength(1);
    expect(observers[0]?.options?.rootMargin).toBe('100% 0px');

    await report(false);
    expect(screen.getByText('far')).toBeInTheDocument();
    await report(true);
    expect(await screen.findByText('near')).toBeInTheDocument();
    expect(observers[0]?.disconnected).toBe(true);
  });

  it('is true at once on a page opened at an anchor', async () => {
    const { observers } = installObserver();
    window.history.replaceState(null, '', '/services/1.001193#ask');
    render(<Probe />);
    expect(await screen.findByText('near')).toBeInTheDocument();
    expect(observers).toHaveLength(0);
  });

  it('is true at once where IntersectionObserver does not exist', async () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    render(<Probe />);
    expect(await screen.findByText('near')).toBeInTheDocument();
  });
});
