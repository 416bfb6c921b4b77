import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { CommandBus } from '@nestjs/cqrs';
import { NestFactory } from '@nestjs/core';
import { RotateSigningKeysCommand } from '#identity';
import { ConfigError, loadConfig } from '#platform';
import { AppModule } from './app.module.js';

const USAGE = `Usage: npm run keys:rotate -- [--publish-ahead-hours N] [--promote-now]

Publishes a next signing key in JWKS that starts signing after N hours
(default NEXINID_KEY_PUBLISH_AHEAD_HOURS). With a next key already published,
--promote-now makes it sign at once (emergency rotation). Running instances
pick the change up within a minute; retired keys stay in JWKS until the last
token they signed has expired.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'publish-ahead-hours': { type: 'string' }, 'promote-now': { type: 'boolean' }, help: { type: 'boolean' } },
  });
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  const hours = values['publish-ahead-hours'] === undefined ? undefined : Number(values['publish-ahead-hours']);
  if (hours !== undefined && !(Number.isFinite(hours) && hours >= 0)) throw new ConfigError([`--publish-ahead-hours must be a number >= 0`]);
  const config = loadConfig();
  const context = await NestFactory.createApplicationContext(AppModule.register(config), { logger: ['error', 'warn'] });
  try {
    const keys = await context.get(CommandBus).execute(new RotateSigningKeysCommand({ publishAheadHours: hours, promoteNow: values['promote-now'] }));
    for (const key of keys) process.stdout.write(`${key.kid}\t${key.status}\t${key.activatesAt ?? ''}\n`);
  } finally {
    await context.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
