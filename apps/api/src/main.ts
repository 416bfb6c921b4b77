import 'reflect-metadata';
import { ConfigError, loadConfig, MasterKeyMismatch } from '#platform';
import { createNexinId } from './bootstrap.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const nexinid = await createNexinId(config).catch((error: unknown) => {
    if (!(error instanceof MasterKeyMismatch)) throw error;
    process.stderr.write(`${error.message}\n`);
    return process.exit(78);
  });
  const port = await nexinid.listen(config.port);
  process.stdout.write(
    `NexinID listening on port ${port} (issuer ${config.issuer}, ${config.embeddedDatabase ? `embedded database in ${config.dataDir}` : 'PostgreSQL'}); API docs at ${config.issuer}/docs\n`,
  );
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    process.stdout.write(`${signal}: shutting down\n`);
    nexinid.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

void main();
