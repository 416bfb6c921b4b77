import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { startNexinId, type TestNexinId } from '../support/nexinid.js';
import { ADMIN_PASSWORD, api, registerTenant, signInAdmin } from '../support/tenants.js';

const suffix = () => randomBytes(4).toString('hex');

function registration(overrides: Record<string, unknown> = {}, administrator: Record<string, unknown> = {}) {
  const id = suffix();
  return {
    slug: `acme-${id}`,
    displayName: `Acme ${id}`,
    plan: 'Team',
    organizationName: 'Acme HQ',
    administrator: { email: `ada-${id}@example.com`, password: ADMIN_PASSWORD, name: 'Ada Admin', ...administrator },
    ...overrides,
  };
}

describe('tenancy: plans and tenant registration (e2e)', () => {
  let nexinid: TestNexinId;

  beforeAll(async () => {
    nexinid = await startNexinId({ env: { NEXINID_REGISTRATION_RATE_LIMIT: '1000' } });
  });
  afterAll(() => nexinid?.close());

  const post = (body: unknown, raw?: string) =>
    fetch(`${nexinid.baseUrl}/api/tenants`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: raw ?? JSON.stringify(body) });

  const counts = async () => {
    const db = nexinid.app.get(DataSource);
    const [row] = await db.query(`SELECT
      (SELECT count(*) FROM tenancy.tenants)::int AS tenants,
      (SELECT count(*) FROM tenancy.organizations)::int AS organizations,
      (SELECT count(*) FROM tenancy.memberships)::int AS memberships,
      (SELECT count(*) FROM identity.users)::int AS users`);
    return row as Record<string, number>;
  };

  it('lists the plans with their quotas, publicly', async () => {
    const response = await fetch(`${nexinid.baseUrl}/api/plans`);
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as { items: Array<{ name: string; quotas: Record<string, number> }> };
    expect(items.map((plan) => plan.name)).toEqual(['Developer', 'Team', 'Business', 'Enterprise']);
    expect(items[0].quotas).toEqual({ maxOrganizations: 1, maxApplications: 3, maxEnvironments: 1, maxMembers: 5, maxClientsPerApplication: 5 });
  });

  it('registers a tenant with its organization, administrator and owner membership', async () => {
    const body = registration();
    const response = await post(body);
    expect(response.status).toBe(201);
    const created = (await response.json()) as { tenantId: string; organizationId: string; userId: string; membershipId: string; slug: string };
    expect(created).toEqual({
      tenantId: expect.any(String),
      organizationId: expect.any(String),
      userId: expect.any(String),
      membershipId: expect.any(String),
      slug: body.slug,
    });

    const token = (await signInAdmin(nexinid, { ...created, email: body.administrator.email, password: ADMIN_PASSWORD })).accessToken;
    const organization = await api(nexinid, token).get(`/api/organizations/${created.organizationId}`);
    expect(organization.status).toBe(200);
    expect(organization.body).toMatchObject({
      id: created.organizationId,
      tenantId: created.tenantId,
      name: 'Acme HQ',
      tenant: { slug: body.slug, plan: 'Team' },
      quotas: { maxEnvironments: 3 },
      usage: { organizations: 1, applications: 0, members: 1 },
    });
    const members = await api(nexinid, token).get(`/api/organizations/${created.organizationId}/memberships`);
    expect(members.body.items).toEqual([
      expect.objectContaining({ id: created.membershipId, userId: created.userId, role: 'owner', status: 'active', permVer: 1, entVer: 1, email: body.administrator.email }),
    ]);
  });

  it('refuses a duplicate slug with 409 and writes nothing', async () => {
    const first = registration();
    expect((await post(first)).status).toBe(201);
    const before = await counts();
    const response = await post(registration({ slug: first.slug }));
    expect(response.status).toBe(409);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect((await response.json()) as object).toMatchObject({ code: 'tenancy.slug_taken', status: 409 });
    expect(await counts()).toEqual(before);
  });

  it('rolls everything back when the administrator email belongs to another password', async () => {
    const first = registration();
    expect((await post(first)).status).toBe(201);
    const before = await counts();
    const second = registration({}, { email: first.administrator.email, password: 'a different passphrase' });
    const response = await post(second);
    expect(response.status).toBe(409);
    expect(((await response.json()) as Record<string, unknown>).code).toBe('identity.email_already_registered');
    expect(await counts()).toEqual(before);
    // The slug was not kept by the failed attempt.
    expect((await post({ ...second, administrator: first.administrator })).status).toBe(201);
  });

  it('links an existing account when its password is given (one person, two tenants)', async () => {
    const first = registration();
    const one = (await (await post(first)).json()) as { userId: string; tenantId: string };
    const two = (await (await post(registration({}, { email: first.administrator.email }))).json()) as { userId: string; tenantId: string };
    expect(two.userId).toBe(one.userId);
    expect(two.tenantId).not.toBe(one.tenantId);
  });

  it.each([
    ['upper case', 'Acme-Corp', /lower case/],
    ['too short', 'ab', /3 to 63/],
    ['a leading hyphen', '-acme', /hyphen/],
    ['a trailing hyphen', 'acme-', /hyphen/],
    ['an underscore', 'acme_corp', /a-z, 0-9/],
    ['a reserved word', 'admin', /reserved/],
  ])('refuses a slug with %s (400, field error on slug)', async (_case, slug, message) => {
    const before = await counts();
    const response = await post(registration({ slug }));
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { code: string; errors: unknown[] };
    expect(problem.code).toBe('platform.validation_failed');
    expect(problem.errors).toEqual([{ field: 'slug', message: expect.stringMatching(message) }]);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['too short', 'short pw 1', /at least 12/],
    ['one repeated character', 'zzzzzzzzzzzzzzzz', /single character/],
    ['the email address', 'EMAIL', /email address/],
    ['too long', 'x1'.repeat(65), /at most 128/],
  ])('refuses a password that is %s (400, field error on administrator.password)', async (_case, password, message) => {
    const body = registration();
    const administrator = { ...body.administrator, password: password === 'EMAIL' ? body.administrator.email : password };
    const response = await post({ ...body, administrator });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { code: string; errors: unknown[] };
    expect(problem.errors).toEqual([{ field: 'administrator.password', message: expect.stringMatching(message) }]);
  });

  it('lists every bad field at once', async () => {
    const before = await counts();
    const response = await post(registration({ slug: 'Nope!', plan: 'Free', organizationName: ' \t ' }, { email: 'not-an-email', password: 'short' }));
    expect(response.status).toBe(400);
    const fields = new Set((((await response.json()) as Record<string, unknown>).errors as Array<{ field: string }>).map((error) => error.field));
    expect(fields).toEqual(new Set(['slug', 'plan', 'organizationName', 'administrator.email', 'administrator.password']));
    expect(await counts()).toEqual(before);
  });

  it('answers malformed JSON with 400 problem+json', async () => {
    const response = await post(undefined, '{"slug": "acme",');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(((await response.json()) as { detail: string }).detail).toMatch(/JSON/);
  });

  it('refuses unknown fields, also inside the administrator', async () => {
    const body = registration({ isRoot: true }, { role: 'superuser' });
    const response = await post(body);
    expect(response.status).toBe(400);
    const errors = ((await response.json()) as Record<string, unknown>).errors as Array<{ field: string; message: string }>;
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: 'isRoot', message: 'unknown field isRoot' },
        { field: 'administrator.role', message: 'unknown field role' },
      ]),
    );
  });

  it.each([
    ['a number for the slug', { slug: 42 }],
    ['a string for the administrator', { administrator: 'ada@example.com' }],
    ['an array for the display name', { displayName: ['Acme'] }],
    ['a missing administrator', { administrator: undefined }],
    ['null for the plan', { plan: null }],
  ])('refuses %s with 400', async (_case, override) => {
    const before = await counts();
    const response = await post(registration(override));
    expect(response.status).toBe(400);
    expect(((await response.json()) as Record<string, unknown>).code).toBe('platform.validation_failed');
    expect(await counts()).toEqual(before);
  });

  it('refuses a JSON array or scalar as the body', async () => {
    expect((await post(undefined, '[]')).status).toBe(400);
    expect((await post(undefined, '"acme"')).status).toBe(400);
  });

  it('refuses a huge body with 413 and writes nothing', async () => {
    const before = await counts();
    const response = await post(registration({ displayName: 'x'.repeat(200_000) }));
    expect(response.status).toBe(413);
    expect(((await response.json()) as Record<string, unknown>).code).toBe('platform.payload_too_large');
    expect(await counts()).toEqual(before);
  });

  it('hides another tenant organization (404, never 403)', async () => {
    const mine = await registerTenant(nexinid);
    const theirs = await registerTenant(nexinid);
    const token = (await signInAdmin(nexinid, mine)).accessToken;
    const response = await api(nexinid, token).get(`/api/organizations/${theirs.organizationId}`);
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('tenancy.organization_not_found');
    expect((await api(nexinid, token).get('/api/organizations/not-a-uuid')).status).toBe(404);
  });

  it('renames the organization and requires a token', async () => {
    const tenant = await registerTenant(nexinid);
    const token = (await signInAdmin(nexinid, tenant)).accessToken;
    const renamed = await api(nexinid, token).patch(`/api/organizations/${tenant.organizationId}`, { name: 'Acme Europe' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Acme Europe');
    const anonymous = await fetch(`${nexinid.baseUrl}/api/organizations/${tenant.organizationId}`);
    expect(anonymous.status).toBe(401);
  });

  it('rate-limits registrations per address', async () => {
    const limited = await startNexinId({ env: { NEXINID_REGISTRATION_RATE_LIMIT: '2' } });
    try {
      const send = () =>
        fetch(`${limited.baseUrl}/api/tenants`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(registration({ slug: 'Bad' })) });
      expect((await send()).status).toBe(400);
      expect((await send()).status).toBe(400);
      const third = await send();
      expect(third.status).toBe(429);
      expect(third.headers.get('retry-after')).toBeTruthy();
    } finally {
      await limited.close();
    }
  });
});
