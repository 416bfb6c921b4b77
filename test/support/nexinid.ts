import 'reflect-metadata';
import type { DynamicModule, Type } from '@nestjs/common';
import { type AppConfig, loadConfig } from '#platform';
import { createNexinId, type NexinId } from '../../apps/api/src/bootstrap.js';
import { freePort } from './free-port.js';
import { createTestDatabase } from './test-database.js';

export interface TestNexinId extends NexinId {
  baseUrl: string;
  config: AppConfig;
  /** Path of a data folder to restart on, when one was asked for. */
  dataDir: string;
}

export interface StartOptions {
  env?: Record<string, string>;
  extraModules?: Array<Type | DynamicModule>;
  /** Reuse a database (for restart tests): the URL or embedded data folder of a previous start. */
  database?: { url?: string; dataDir?: string };
}

/** A real NexinID on 127.0.0.1 with a database of its own, as the e2e tests use it. */
export async function startNexinId(options: StartOptions = {}): Promise<TestNexinId> {
  const port = await freePort();
  const database = options.database ? { url: options.database.url, drop: async () => undefined } : await createTestDatabase();
  const dataDir = options.database?.dataDir ?? 'memory://';
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: String(port),
    NEXINID_ISSUER: `http://127.0.0.1:${port}`,
    NEXINID_DATA_DIR: dataDir,
    NEXINID_MASTER_KEY: Buffer.alloc(32, 11).toString('base64'),
    NEXINID_LOG_LEVEL: process.env.NEXINID_LOG_LEVEL ?? 'silent',
    ...(database.url ? { DATABASE_URL: database.url } : {}),
    ...options.env,
  });
  const nexinid = await createNexinId(config, { extraModules: options.extraModules });
  await nexinid.listen(port, '127.0.0.1');
  return {
    ...nexinid,
    baseUrl: config.issuer,
    config,
    dataDir,
    close: async () => {
      await nexinid.close();
      await database.drop();
    },
  };
}
