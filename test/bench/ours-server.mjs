// NexinID as built (dist/) plus a bench-only module: the same no-op GET with and without the bearer guard.
import 'reflect-metadata';
import v8 from 'node:v8';
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
  /** Collects garbage (the bench starts this server with --expose-gc) so the idle figures are live memory; returns process.memoryUsage() in MB. */
  gc() {
    globalThis.gc?.();
    return this.memory();
  }
  /** A last-resort GC, as V8 runs under memory pressure: it also hands V8's pooled pages back to the OS. */
  reduce() {
    globalThis.gc?.({ type: 'major', execution: 'sync', flavor: 'last-resort' });
    return this.memory();
  }
  memory() {
    const mb = (figures) => Object.fromEntries(Object.entries(figures).map(([name, bytes]) => [name, Math.round(bytes / 1048576)]));
    return { ...mb(process.memoryUsage()), v8: mb(v8.getHeapStatistics()) };
  }
}
const method = (name) => Object.getOwnPropertyDescriptor(BenchController.prototype, name);
Get('open')(BenchController.prototype, 'open', method('open'));
Get('guarded')(BenchController.prototype, 'guarded', method('guarded'));
Get('gc')(BenchController.prototype, 'gc', method('gc'));
Get('reduce')(BenchController.prototype, 'reduce', method('reduce'));
Authenticated('nexidentity.api')(BenchController.prototype, 'guarded', method('guarded'));
Controller('bench')(BenchController);

class BenchModule {}
Module({ controllers: [BenchController] })(BenchModule);

const config = loadConfig(process.env);
const nexinid = await createNexinId(config, { extraModules: [BenchModule] });
await nexinid.listen(config.port, '127.0.0.1');
process.send?.('ready');
process.on('SIGTERM', () => nexinid.close().then(() => process.exit(0)));
