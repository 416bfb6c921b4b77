import { PGliteDriver } from 'typeorm-pglite';
import { SerialLock } from './serial-lock.js';

type ConnectCallback = (error: unknown, client: unknown, release: () => void) => void;

/**
 * PGlite is a single connection. typeorm-pglite hands the same session to every
 * query runner, so two concurrent transactions would share one BEGIN and one
 * ROLLBACK. This driver makes the "pool" hold one connection at a time: a query
 * runner owns the session from connect until release, like a pool of size one.
 */
export function serialPgliteDriver(dataDir: string): unknown {
  const base = new PGliteDriver({ dataDir }).driver as unknown as {
    Pool: new () => { connect(cb: ConnectCallback): Promise<void> };
  };
  const lock = new SerialLock(15_000);

  class SerialPool extends base.Pool {
    override async connect(callback: ConnectCallback): Promise<void> {
      let release: () => void;
      try {
        release = await lock.acquire();
      } catch (error) {
        callback(error, null, () => undefined);
        return;
      }
      await super.connect((error, client) => callback(error, client, release));
    }
  }
  return { Pool: SerialPool };
}
