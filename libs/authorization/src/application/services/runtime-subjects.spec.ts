import type { QueryBus } from '@nestjs/cqrs';
import { DomainError } from '#kernel';
import type { Principal } from '#platform';
import type { FeatureLicensing } from '../ports/feature-licensing.js';
import type { MembershipState, MembershipStates } from '../ports/runtime-state.js';
import { RUNTIME_AUTHORIZATION_SCOPE, RuntimeSubjects } from './runtime-subjects.js';

const TENANT = '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e01';
const OTHER_TENANT = '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e02';
const MINE = '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e10';
const COLLEAGUE = '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e11';
const STRANGER = '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9e12';

const states: Record<string, MembershipState> = {
  [MINE]: { membershipId: MINE, tenantId: TENANT, organizationId: 'o', status: 'active', permVer: 4 },
  [COLLEAGUE]: { membershipId: COLLEAGUE, tenantId: TENANT, organizationId: 'o', status: 'active', permVer: 9 },
  [STRANGER]: { membershipId: STRANGER, tenantId: OTHER_TENANT, organizationId: 'p', status: 'active', permVer: 1 },
};
const memberships = { find: async (id: string) => states[id] ?? null } as MembershipStates;
const clients: Record<string, { clientId: string; tenantId: string; applicationId: string }> = {
  app: { clientId: 'app', tenantId: TENANT, applicationId: 'application' },
};
const queryBus = { execute: async (query: { clientId: string }) => clients[query.clientId] ?? null } as unknown as QueryBus;
const licensing = { hasInstalled: async () => false, evaluate: async () => ({ satisfied: false, reason: 'no_entitlement', editionCodes: [], entitlementIds: [] }) } as FeatureLicensing;
const subjects = new RuntimeSubjects(queryBus, memberships, licensing);

const principal = (overrides: Partial<Principal>): Principal => ({
  kind: 'user',
  subject: 'u',
  clientId: 'app',
  tenantId: TENANT,
  organizationId: 'o',
  membershipId: MINE,
  userId: 'u',
  sessionId: 's',
  scopes: new Set(['nexidentity.api']),
  permVer: 3,
  entVer: 1,
  expiresAt: 0,
  claims: {},
  ...overrides,
});
const service = (scopes: string[]) => principal({ kind: 'client', membershipId: undefined, userId: undefined, permVer: undefined, scopes: new Set(scopes) });
const code = (promise: Promise<unknown>) => promise.then(() => 'resolved', (error: DomainError) => error.code);

describe('RuntimeSubjects', () => {
  it('answers a user about its own membership, with its token perm_ver', async () => {
    expect(await subjects.resolve(principal({}), undefined)).toEqual({ applicationId: 'application', applicationTenantId: TENANT, membership: states[MINE], tokenPermVer: 3 });
    expect((await subjects.resolve(principal({}), MINE)).tokenPermVer).toBe(3);
  });

  it('lets a service with the runtime scope ask about a membership of its own tenant only', async () => {
    const runtime = service(['nexidentity.api', RUNTIME_AUTHORIZATION_SCOPE]);
    expect(await subjects.resolve(runtime, COLLEAGUE)).toMatchObject({ membership: states[COLLEAGUE], tokenPermVer: null });
    expect(await code(subjects.resolve(runtime, STRANGER))).toBe('authorization.membership_not_found');
    expect(await code(subjects.resolve(runtime, '0190f1c2-7c4e-7cc1-9a6e-0d1f6c2b9eff'))).toBe('authorization.membership_not_found');
    expect(await code(subjects.resolve(runtime, undefined))).toBe('authorization.membership_required');
  });

  it('refuses on-behalf questions without the runtime scope, and tokens of clients without an application', async () => {
    expect(await code(subjects.resolve(service(['nexidentity.api']), COLLEAGUE))).toBe('authorization.on_behalf_not_allowed');
    expect(await code(subjects.resolve(principal({}), COLLEAGUE))).toBe('authorization.on_behalf_not_allowed');
    expect(await code(subjects.resolve(principal({ clientId: 'nexinid-console' }), undefined))).toBe('authorization.no_application_context');
    expect(await code(subjects.resolve(principal({ tenantId: OTHER_TENANT }), undefined))).toBe('authorization.no_application_context');
  });
});
