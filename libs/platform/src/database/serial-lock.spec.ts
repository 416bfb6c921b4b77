import { SerialLock } from './serial-lock.js';

describe('SerialLock', () => {
  it('runs holders one at a time, in order', async () => {
    const lock = new SerialLock(1000);
    const log: string[] = [];
    const hold = async (name: string, ms: number) => {
      const release = await lock.acquire();
      log.push(`${name}+`);
      await new Promise((r) => setTimeout(r, ms));
      log.push(`${name}-`);
      release();
    };
    await Promise.all([hold('a', 20), hold('b', 5), hold('c', 1)]);
    expect(log).toEqual(['a+', 'a-', 'b+', 'b-', 'c+', 'c-']);
  });

  it('fails a waiter that waits too long and keeps the queue moving', async () => {
    const lock = new SerialLock(30);
    const first = await lock.acquire();
    await expect(lock.acquire()).rejects.toThrow(/busy/);
    first();
    const next = await lock.acquire();
    next();
  });
});
