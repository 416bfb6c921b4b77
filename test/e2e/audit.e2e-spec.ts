import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AuditTrail, UnitOfWork } from '#platform';
import { startNexinId, type TestNexinId } from '../support/nexinid.js';
import { createTestDatabase } from '../support/test-database.js';
import { api, createApplication, registerTenant, signInAdmin, type RegisteredTenant } from '../support/tenants.js';

type Page = { items: Array<{ id: string; action: string; actor: { type: string; id: string; display: string | null }; target: { type: string; id: string } | null; diff: Record<string, unknown> | null }>; nextCursor: string | null };

describe('audit trail (e2e)', () => {
  let nexinid: TestNexinId;
  let tenant: RegisteredTenant;
  let admin: ReturnType<typeof api>;
  let feed: string;

  beforeAll(async () => {
    nexinid = await startNexinId();
    tenant = await registerTenant(nexinid);
    admin = api(nexinid, (await signInAdmin(nexinid, tenant)).accessToken);
    feed = `/api/organizations/${tenant.organizationId}/audit-events`;
    const application = await createApplication(nexinid, (await signInAdmin(nexinid, tenant)).accessToken, tenant.organizationId);
    for (const name of ['one', 'two', 'three']) await admin.post(`/api/applications/${application.id}/clients`, { type: 'Automation', name });
    const client = (await admin.get(`/api/applications/${application.id}/clients`)).body.items[0];
    await admin.post(`/api/applications/${application.id}/clients/${client.clientId}/rotate-secret`);
  });
  afterAll(() => nexinid?.close());

  it('filters by action prefix, actor and target, newest first', async () => {
    const clients = (await admin.get(`${feed}?action=client.*`)).body as Page;
    expect(clients.items.map((item) => item.action)).toEqual(['client.secret_rotated', 'client.created', 'client.created', 'client.created']);
    const rotated = clients.items[0];
    expect(rotated.actor).toEqual({ type: 'user', id: tenant.userId, display: tenant.email });
    expect(JSON.stringify(rotated.diff)).not.toMatch(/nxs_/);
    const byTarget = (await admin.get(`${feed}?targetType=client&targetId=${rotated.target!.id}`)).body as Page;
    expect(byTarget.items.map((item) => item.action)).toEqual(['client.secret_rotated', 'client.created']);
    const byActor = (await admin.get(`${feed}?actorId=${tenant.userId}&action=application.created`)).body as Page;
    expect(byActor.items).toHaveLength(1);
    const future = (await admin.get(`${feed}?from=${new Date(Date.now() + 60_000).toISOString()}`)).body as Page;
    expect(future.items).toEqual([]);
  });

  it('pages with an opaque cursor without gaps or repeats', async () => {
    const all = ((await admin.get(`${feed}?limit=200`)).body as Page).items.map((item) => item.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await admin.get(`${feed}?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).body as Page;
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it.each([
    ['a forged cursor', 'cursor=bm9wZQ'],
    ['a limit out of range', 'limit=0'],
    ['a limit that is not a number', 'limit=many'],
    ['a malformed date', 'from=yesterday'],
    ['an unknown filter', 'secret=1'],
  ])('answers %s with 400 problem+json', async (_case, query) => {
    const response = await admin.get(`${feed}?${query}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it("answers another tenant's organization with 404", async () => {
    const other = await registerTenant(nexinid);
    const response = await admin.get(`/api/organizations/${other.organizationId}/audit-events`);
    expect(response.status).toBe(404);
    expect(JSON.stringify(response.body)).not.toContain(other.tenantId);
  });

  it('writes the evidence in the transaction of the change: a rolled-back change leaves none', async () => {
    const uow = nexinid.app.get(UnitOfWork);
    const audit = nexinid.app.get(AuditTrail);
    await expect(
      uow.run(async () => {
        await audit.record({ tenantId: tenant.tenantId, organizationId: tenant.organizationId, action: 'test.rolled_back' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(((await admin.get(`${feed}?action=test.rolled_back`)).body as Page).items).toEqual([]);
  });

  it('keeps every row of a batch when one of them carries text PostgreSQL cannot keep or is refused', async () => {
    const audit = nexinid.app.get(AuditTrail);
    const queue = (id: string, tenantId = tenant.tenantId) =>
      audit.recordLater({ tenantId, organizationId: tenant.organizationId, action: 'test.poisoned_batch', target: { type: 'test', id }, diff: { sent: id } });
    queue('before');
    queue('nul\u0000here');
    queue('lone\uD800surrogate');
    queue('refused', 'not-a-uuid');
    queue('after');
    const written = async () => ((await admin.get(`${feed}?action=test.poisoned_batch`)).body as Page).items;
    let items = await written();
    // Queued rows are written within 250 ms; the refused one is retried alone and lost.
    for (let waited = 0; items.length < 4 && waited < 5_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      items = await written();
    }
    expect(items.map((item) => item.target!.id).sort()).toEqual(['after', 'before', 'lone\ufffdsurrogate', 'nul\ufffdhere']);
    expect(items.find((item) => item.target!.id === 'nul\ufffdhere')!.diff).toEqual({ sent: 'nul\ufffdhere' });
  });
});

describe('batched audit writes (e2e)', () => {
  it('flushes queued events at shutdown, so a clean stop loses nothing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'nexinid-audit-'));
    const database = await createTestDatabase();
    const start = () => startNexinId({ database: { url: database.url, dataDir: database.url ? undefined : dataDir } });
    try {
      const first = await start();
      const audit = first.app.get(AuditTrail);
      for (let i = 0; i < 3; i += 1) audit.recordLater({ tenantId: null, action: 'test.batched', target: { type: 'test', id: String(i) } });
      await first.close();
      const second = await start();
      try {
        const rows = await second.app.get(DataSource).query(`SELECT target_id FROM audit.audit_events WHERE action = 'test.batched' ORDER BY target_id`);
        expect(rows.map((row: { target_id: string }) => row.target_id)).toEqual(['0', '1', '2']);
      } finally {
        await second.close();
      }
    } finally {
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
