// NexinID as built (dist/) plus a bench-only module: the same no-op GET with and without the bearer guard.
import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { createNexinId } from '../../dist/apps/api/src/bootstrap.js';
import { Authenticated, loadConfig } from '../../dist/libs/platform/src/index.js';

class BenchController {
  open() {
    return { ok: true };
  }
  guarded() {
    return { ok: true };
  }
  /** Collects garbage (the bench starts this server with --expose-gc) so the idle figures are live memory. */
  gc() {
    globalThis.gc?.();
    return { ok: true };
  }
}
const method = (name) => Object.getOwnPropertyDescriptor(BenchController.prototype, name);
Get('open')(BenchController.prototype, 'open', method('open'));
Get('guarded')(BenchController.prototype, 'guarded', method('guarded'));
Get('gc')(BenchController.prototype, 'gc', method('gc'));
Authenticated('nexidentity.api')(BenchController.prototype, 'guarded', method('guarded'));
Controller('bench')(BenchController);

class BenchModule {}
Module({ controllers: [BenchController] })(BenchModule);

const config = loadConfig(process.env);
const nexinid = await createNexinId(config, { extraModules: [BenchModule] });
await nexinid.listen(config.port, '127.0.0.1');
process.send?.('ready');
process.on('SIGTERM', () => nexinid.close().then(() => process.exit(0)));
