import { generateKeyPairSync } from 'node:crypto';
import Provider, { type Adapter, type AdapterPayload } from 'oidc-provider';
import type { AuditTrail, UnitOfWork } from '#platform';
import type { MembershipView } from '#tenancy';
import type { GrantContextStore } from '../../application/ports/grant-context.store.js';
import { type InteractionClient, SignInGrants } from './sign-in-grants.js';

/** Grants kept in memory, the only storage this test's provider needs. */
const stored = new Map<string, AdapterPayload>();
class MemoryAdapter implements Partial<Adapter> {
  constructor(private readonly model: string) {}
  async upsert(id: string, payload: AdapterPayload) {
    stored.set(`${this.model}:${id}`, structuredClone(payload));
  }
  async find(id: string) {
    return stored.get(`${this.model}:${id}`);
  }
  async destroy(id: string) {
    stored.delete(`${this.model}:${id}`);
  }
}

const signingKey = { ...generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' }), alg: 'ES256', use: 'sig' };
const provider = new Provider('http://localhost', {
  adapter: MemoryAdapter as never,
  jwks: { keys: [signingKey as never] },
  features: { devInteractions: { enabled: false } },
  ttl: { Grant: 3600 },
});
const membership = { membershipId: 'm-1', tenantId: 't-1', organizationId: 'o-1' } as MembershipView;
const client = { clientId: 'c-1', clientName: 'Client' } as InteractionClient;

function signInGrants(commits: boolean) {
  const contexts = new Map<string, { membershipId: string }>();
  const grantContexts = { find: async (id: string) => contexts.get(id), save: async (context: { grantId: string; membershipId: string }) => void contexts.set(context.grantId, context) };
  const audit = { record: async () => undefined };
  const uow = {
    run: async (work: () => Promise<void>) => {
      await work();
      if (!commits) throw new Error('the database went away');
    },
  };
  return { grants: new SignInGrants(grantContexts as unknown as GrantContextStore, {} as never, audit as unknown as AuditTrail, {} as never, uow as unknown as UnitOfWork), contexts };
}

describe('SignInGrants.bind when the sign-in cannot be recorded', () => {
  beforeEach(() => stored.clear());

  it('deletes the new grant it saved', async () => {
    const { grants } = signInGrants(false);
    const signIn = await grants.grantFor(provider, undefined, 'u-1', client.clientId, membership);
    signIn.grant.addOIDCScope('openid email');
    await expect(grants.bind(signIn, client, membership)).rejects.toThrow('the database went away');
    expect(await provider.Grant.find(signIn.grant.jti)).toBeUndefined();
  });

  it('puts a held grant back as it was, without the scopes this sign-in added', async () => {
    const held = new provider.Grant({ accountId: 'u-1', clientId: client.clientId });
    held.addOIDCScope('openid');
    held.addResourceScope('http://localhost/api', 'nexidentity.api');
    const heldId = await held.save();
    const { grants, contexts } = signInGrants(false);
    contexts.set(heldId, { membershipId: membership.membershipId });

    const signIn = await grants.grantFor(provider, heldId, 'u-1', client.clientId, membership);
    expect(signIn.bound).toBe(true);
    signIn.grant.addOIDCScope('email profile');
    signIn.grant.addResourceScope('http://localhost/other', 'other.read');
    await expect(grants.bind(signIn, client, membership)).rejects.toThrow('the database went away');

    const after = (await provider.Grant.find(heldId))!;
    expect(after.getOIDCScope()).toBe('openid');
    expect(after.resources).toEqual({ 'http://localhost/api': 'nexidentity.api' });
  });

  it('keeps what it saved once the sign-in is recorded', async () => {
    const { grants, contexts } = signInGrants(true);
    const signIn = await grants.grantFor(provider, undefined, 'u-1', client.clientId, membership);
    signIn.grant.addOIDCScope('openid email');
    const grantId = await grants.bind(signIn, client, membership);
    expect((await provider.Grant.find(grantId))!.getOIDCScope()).toBe('openid email');
    expect(contexts.get(grantId)?.membershipId).toBe('m-1');
  });
});
