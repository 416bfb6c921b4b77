import { CommandBus } from '@nestjs/cqrs';
import { decodeProtectedHeader } from 'jose';
import { RotateSigningKeysCommand } from '#identity';
import { OidcProviderHolder } from '../../libs/identity/src/infrastructure/oauth/oidc-provider.holder.js';
import { startNexinId, type TestNexinId } from '../support/nexinid.js';
import { api, registerTenant, signInAdmin, type RegisteredTenant } from '../support/tenants.js';

describe('signing key rotation (e2e)', () => {
  let nexinid: TestNexinId;
  let tenant: RegisteredTenant;

  beforeAll(async () => {
    nexinid = await startNexinId();
    tenant = await registerTenant(nexinid);
  });
  afterAll(() => nexinid?.close());

  const kids = async () => ((await (await fetch(`${nexinid.baseUrl}/.well-known/jwks.json`)).json()) as { keys: Array<{ kid: string }> }).keys.map((k) => k.kid);
  const reload = () => nexinid.app.get(OidcProviderHolder, { strict: false }).reload();

  it('publishes the next key before it signs, then signs with it and keeps the retired key until its tokens expire', async () => {
    const [original] = await kids();
    const before = await signInAdmin(nexinid, tenant);
    expect(decodeProtectedHeader(before.accessToken).kid).toBe(original);

    const planned = await nexinid.app.get(CommandBus).execute(new RotateSigningKeysCommand({ publishAheadHours: 1 }));
    const next = planned.find((key) => key.status === 'next')!;
    await reload();
    expect(await kids()).toEqual([original, next.kid]);
    expect(decodeProtectedHeader((await signInAdmin(nexinid, tenant)).accessToken).kid).toBe(original);

    await nexinid.app.get(CommandBus).execute(new RotateSigningKeysCommand({ promoteNow: true }));
    await reload();
    expect(await kids()).toEqual([next.kid, original]);
    const after = await signInAdmin(nexinid, tenant);
    expect(decodeProtectedHeader(after.accessToken).kid).toBe(next.kid);

    const path = `/api/organizations/${tenant.organizationId}/applications`;
    expect((await api(nexinid, before.accessToken).get(path)).status).toBe(200);
    expect((await api(nexinid, after.accessToken).get(path)).status).toBe(200);
  });
});
