// NexinID as built (dist/) plus a bench-only module for the authorization benchmark: the no-op GETs
// with and without the bearer guard (as in ours-server.mjs) and a route that times a cold evaluation
// inside the server.
import 'reflect-metadata';
import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createNexinId } from '../../dist/apps/api/src/bootstrap.js';
import { Authenticated, ChangeSignals, loadConfig } from '../../dist/libs/platform/src/index.js';
import { GetMembershipQuery } from '../../dist/libs/tenancy/src/index.js';
import { QueryBus } from '@nestjs/cqrs';
import { AccessModels, ROLE_PERMISSIONS_CHANGED } from '../../dist/libs/authorization/src/application/ports/access-models.js';
import { EffectiveAccess } from '../../dist/libs/authorization/src/domain/access/effective-access.js';

let app;

class AuthorizationBenchController {
  open() {
    return { ok: true };
  }
  guarded() {
    return { ok: true };
  }
  /**
   * What a check does on a cache miss, timed in the server: live membership state, the access model, compiled.
   * With `roleSets: 'cold'` every role's cached permission set is dropped first (nothing cached at all).
   */
  async cold(body) {
    const { membershipId, applicationId, rounds, roleSets } = body;
    const roleIds = (await app.get(DataSource).query(`SELECT role_id FROM authz.role_assignments WHERE membership_id = $1`, [membershipId])).map((row) => row.role_id);
    const times = [];
    for (let i = 0; i < rounds; i += 1) {
      if (roleSets === 'cold') {
        await app.get(ChangeSignals).publish(ROLE_PERMISSIONS_CHANGED, roleIds);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const began = performance.now();
      const state = await app.get(QueryBus).execute(new GetMembershipQuery(membershipId));
      const stateAt = performance.now();
      const model = await app.get(AccessModels).load({ tenantId: state.tenantId, organizationId: state.organizationId, membershipId, applicationId });
      const modelAt = performance.now();
      const access = new EffectiveAccess(model);
      if (access.list().length < 1000) throw new Error('expected 1,000 permissions');
      times.push([performance.now() - began, stateAt - began, modelAt - stateAt, performance.now() - modelAt]);
    }
    const at = (index, p) => times.map((t) => t[index]).sort((a, b) => a - b)[Math.floor(rounds * p)];
    return { p50: at(0, 0.5), p95: at(0, 0.95), parts: { state: at(1, 0.5), model: at(2, 0.5), compile: at(3, 0.5) } };
  }
}
const method = (name) => Object.getOwnPropertyDescriptor(AuthorizationBenchController.prototype, name);
Get('open')(AuthorizationBenchController.prototype, 'open', method('open'));
Get('guarded')(AuthorizationBenchController.prototype, 'guarded', method('guarded'));
Post('cold')(AuthorizationBenchController.prototype, 'cold', method('cold'));
Body()(AuthorizationBenchController.prototype, 'cold', 0);
Reflect.defineMetadata('design:paramtypes', [Object], AuthorizationBenchController.prototype, 'cold');
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
