// NexinID as built (dist/) plus a bench-only module for the authorization benchmark: the no-op GETs
// with and without the bearer guard (as in ours-server.mjs) and a route that makes a manifest active,
// standing in for the publish API.
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createNexinId } from '../../dist/apps/api/src/bootstrap.js';
import { MANIFEST_CHANGED } from '../../dist/libs/authorization/src/index.js';
import { Authenticated, ChangeSignals, loadConfig } from '../../dist/libs/platform/src/index.js';

let app;

class AuthorizationBenchController {
  open() {
    return { ok: true };
  }
  guarded() {
    return { ok: true };
  }
  async manifest(body) {
    const { tenantId, applicationId, document } = body;
    await app.get(DataSource).query(
      `INSERT INTO authz.manifests (id, tenant_id, application_id, version, content, content_hash, is_active, published_by, published_at)
       VALUES ($1, $2, $3, 1, $4::jsonb, $5, true, 'bench', now())`,
      [randomUUID(), tenantId, applicationId, JSON.stringify(document), randomBytes(8).toString('hex')],
    );
    await app.get(ChangeSignals).publish(MANIFEST_CHANGED, applicationId);
    return { ok: true };
  }
}
const method = (name) => Object.getOwnPropertyDescriptor(AuthorizationBenchController.prototype, name);
Get('open')(AuthorizationBenchController.prototype, 'open', method('open'));
Get('guarded')(AuthorizationBenchController.prototype, 'guarded', method('guarded'));
Post('manifests')(AuthorizationBenchController.prototype, 'manifest', method('manifest'));
Body()(AuthorizationBenchController.prototype, 'manifest', 0);
Reflect.defineMetadata('design:paramtypes', [Object], AuthorizationBenchController.prototype, 'manifest');
Authenticated('nexidentity.api')(AuthorizationBenchController.prototype, 'guarded', method('guarded'));
Controller('bench')(AuthorizationBenchController);

class AuthorizationBenchModule {}
Module({ controllers: [AuthorizationBenchController] })(AuthorizationBenchModule);

const config = loadConfig(process.env);
const nexinid = await createNexinId(config, { extraModules: [AuthorizationBenchModule] });
app = nexinid.app;
await nexinid.listen(config.port, '127.0.0.1');
process.send?.('ready');
process.on('SIGTERM', () => nexinid.close().then(() => process.exit(0)));
