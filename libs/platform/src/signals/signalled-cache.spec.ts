import type { ChangeSignals } from './change-signals.js';
import { SignalledCache } from './signalled-cache.js';

function fakeSignals() {
  const resets: Array<() => void> = [];
  const signals = { reliable: true, onReset: (listener: () => void) => resets.push(listener) };
  return { signals, reset: () => resets.forEach((listener) => listener()) };
}

describe('SignalledCache', () => {
  it('keeps a loaded value until it is invalidated', async () => {
    const { signals } = fakeSignals();
    const cache = new SignalledCache<number>(signals as unknown as ChangeSignals);
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.get('k', load)).toBe(1);
    expect(await cache.get('k', load)).toBe(1);
    cache.invalidate('k');
    expect(await cache.get('k', load)).toBe(2);
  });

  it('does not keep a load that overlapped an invalidation (it may have read the old state)', async () => {
    const { signals } = fakeSignals();
    const cache = new SignalledCache<string>(signals as unknown as ChangeSignals);
    let release!: () => void;
    const slow = cache.get('k', () => new Promise<string>((resolve) => (release = () => resolve('old'))));
    cache.invalidate('k');
    release();
    expect(await slow).toBe('old');
    expect(await cache.get('k', async () => 'new')).toBe('new');
  });

  it('bypasses itself while signals are unreliable and drops everything on a reset', async () => {
    const { signals, reset } = fakeSignals();
    const cache = new SignalledCache<string>(signals as unknown as ChangeSignals);
    await cache.get('k', async () => 'cached');
    reset();
    expect(await cache.get('k', async () => 'after reset')).toBe('after reset');
    signals.reliable = false;
    expect(await cache.get('k', async () => 'live')).toBe('live');
    expect(await cache.get('k', async () => 'live again')).toBe('live again');
  });

  it('stays within its capacity', async () => {
    const { signals } = fakeSignals();
    const cache = new SignalledCache<number>(signals as unknown as ChangeSignals, 2);
    for (const key of ['a', 'b', 'c']) await cache.get(key, async () => 1);
    let reloaded = false;
    await cache.get('a', async () => ((reloaded = true), 1));
    expect(reloaded).toBe(true);
  });
});
