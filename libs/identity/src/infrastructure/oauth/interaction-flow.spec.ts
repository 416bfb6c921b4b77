import type { ServerResponse } from 'node:http';
import { errors, type Interaction } from 'oidc-provider';
import { InteractionFlow } from './interaction-flow.js';
import type { OidcProviderHolder } from './oidc-provider.holder.js';
import type { SignInGrants } from './sign-in-grants.js';

const now = () => Math.floor(Date.now() / 1000);

function interaction(exp: number) {
  const saved: number[] = [];
  const value = { exp, returnTo: 'http://localhost/connect/authorize/uid-1', result: undefined, save: async (ttl: number) => void saved.push(ttl) };
  return { value: value as unknown as Interaction, saved };
}

function response() {
  const headers = new Map<string, string>();
  const value = { statusCode: 200, setHeader: (name: string, v: string) => headers.set(name, v), end: () => undefined };
  return { value: value as unknown as ServerResponse, headers };
}

describe('InteractionFlow finishing an interaction', () => {
  const flow = new InteractionFlow({} as OidcProviderHolder, {} as SignInGrants);

  it('stores the login on the loaded interaction for the rest of its life and sends the browser back', async () => {
    const { value, saved } = interaction(now() + 600);
    const { value: res, headers } = response();
    await flow.finishLogin(res, value, 'user-1');
    expect(value.result).toEqual({ login: { accountId: 'user-1', amr: ['pwd'] } });
    expect(saved[0]).toBeGreaterThan(590);
    expect(res.statusCode).toBe(303);
    expect(headers.get('Location')).toBe('http://localhost/connect/authorize/uid-1');
  });

  it('refuses an interaction that expired meanwhile (the page says so) and stores nothing', async () => {
    const { value, saved } = interaction(now());
    await expect(flow.finishLogin(response().value, value, 'user-1')).rejects.toBeInstanceOf(errors.SessionNotFound);
    expect(saved).toEqual([]);
  });

  it('writes no grant, binding or sign-in for a consent on an interaction that expired meanwhile', async () => {
    const calls: string[] = [];
    const grants = { grantFor: async () => void calls.push('grantFor'), bind: async () => void calls.push('bind') } as unknown as SignInGrants;
    const { value } = interaction(now() - 1);
    const membership = { membershipId: 'm-1' } as never;
    const client = { clientId: 'c-1' } as never;
    await expect(new InteractionFlow({} as OidcProviderHolder, grants).finishConsent(response().value, value, membership, client)).rejects.toBeInstanceOf(errors.SessionNotFound);
    expect(calls).toEqual([]);
  });
});
