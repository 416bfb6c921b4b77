import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { Logger } from '@nestjs/common';
import type { ModuleRef } from '@nestjs/core';
import { DomainError } from '#kernel';
import type { AccessTokenVerifier } from './access-token-verifier.js';
import { BearerAuthenticator } from './bearer-authentication.js';
import { BearerChallenge } from './bearer-challenge.js';
import type { Principal } from './principal.js';

const principalFor = (token: string) => ({ kind: 'user', subject: token, scopes: new Set<string>() }) as unknown as Principal;

/** The verifier is the edge here: tokens named `good-*` pass, `slow-*` pass after a delay, the rest fail. */
const verifier: AccessTokenVerifier = {
  async verify(token: string) {
    if (token.startsWith('slow-')) await new Promise((resolve) => setTimeout(resolve, 20));
    if (token.startsWith('good-') || token.startsWith('slow-')) return principalFor(token);
    if (token === 'crash') throw new TypeError('boom');
    throw new DomainError('platform.unauthorized', 'The access token has expired.');
  },
};

const authenticator = () => new BearerAuthenticator({ get: () => verifier } as unknown as ModuleRef);
function exchange(authorization?: string) {
  const request = new IncomingMessage(new Socket());
  if (authorization !== undefined) request.headers.authorization = authorization;
  return { request, response: new ServerResponse(request) };
}

const authenticate = (bearer: BearerAuthenticator, authorization?: string) => {
  const { request, response } = exchange(authorization);
  return bearer.authenticate(request, response);
};

async function refusal(promise: Promise<unknown>): Promise<BearerChallenge> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(BearerChallenge);
  return outcome as BearerChallenge;
}

describe('BearerAuthenticator (passport bearer strategy)', () => {
  it('answers a verified token with its principal, also set as request.user', async () => {
    const { request, response } = exchange('Bearer good-1');
    const principal = await authenticator().authenticate(request, response);
    expect(principal).toMatchObject({ subject: 'good-1' });
    expect((request as IncomingMessage & { user?: Principal }).user).toBe(principal);
    expect(response.getHeader('www-authenticate')).toBeUndefined();
  });

  it('challenges a request without a token with the bare realm, in WWW-Authenticate too', async () => {
    const { request, response } = exchange();
    const challenge = await refusal(authenticator().authenticate(request, response));
    expect(challenge.code).toBe('platform.unauthorized');
    expect(challenge.challenge).toBe('Bearer realm="nexinid"');
    expect(response.getHeader('www-authenticate')).toEqual(['Bearer realm="nexinid"']);
  });

  it.each(['bearer good-1', 'BEARER  good-1'])('accepts the scheme in any case and with more than one space: %j', async (header) => {
    await expect(authenticate(authenticator(), header)).resolves.toMatchObject({ subject: 'good-1' });
  });

  it.each(['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer ', 'Bearer two tokens', 'Bearer good-1 ', 'Bearertoken'])('refuses the header %j as invalid_token', async (header) => {
    const challenge = await refusal(authenticate(authenticator(), header));
    expect(challenge.challenge).toContain('error="invalid_token"');
    expect(challenge.message).toBe('The Authorization header is not a Bearer token.');
  });

  it("passes on the verifier's reason, and fails closed on an unexpected error", async () => {
    const expired = await refusal(authenticate(authenticator(), 'Bearer old'));
    expect(expired.challenge).toBe('Bearer realm="nexinid", error="invalid_token", error_description="The access token has expired."');
    const logged: unknown[] = [];
    const { error } = Logger.prototype;
    Logger.prototype.error = (message: unknown) => void logged.push(message);
    try {
      const crashed = await refusal(authenticate(authenticator(), 'Bearer crash'));
      expect(crashed.code).toBe('platform.unauthorized');
      expect(crashed.challenge).toContain('error="invalid_token"');
      expect(crashed.message).toBe('The access token could not be verified.');
      expect(logged).toEqual([expect.stringContaining('TypeError: boom')]);
    } finally {
      Logger.prototype.error = error;
    }
  });

  it('gives concurrent requests each their own outcome', async () => {
    const bearer = authenticator();
    const slow = authenticate(bearer, 'Bearer slow-1');
    const refused = authenticate(bearer, 'Bearer old');
    const fast = authenticate(bearer, 'Bearer good-2');
    await expect(refusal(refused)).resolves.toBeInstanceOf(BearerChallenge);
    await expect(fast).resolves.toMatchObject({ subject: 'good-2' });
    await expect(slow).resolves.toMatchObject({ subject: 'slow-1' });
  });

  it("keeps each application's strategy to itself (two NexinIDs in one process)", async () => {
    const other: AccessTokenVerifier = { verify: async (token) => ({ ...principalFor(token), clientId: 'other' }) };
    const second = new BearerAuthenticator({ get: () => other } as unknown as ModuleRef);
    const first = authenticator();
    await expect(authenticate(second, 'Bearer old')).resolves.toMatchObject({ clientId: 'other' });
    await expect(refusal(authenticate(first, 'Bearer old'))).resolves.toBeInstanceOf(BearerChallenge);
  });

  it('answers the hot routes (principalOf, without passport) as it answers through passport', async () => {
    const bearer = authenticator();
    await expect(bearer.principalOf('Bearer good-3')).resolves.toMatchObject({ subject: 'good-3' });
    for (const header of [undefined, 'Basic x', 'Bearer old', 'Bearer crash']) {
      const direct = await refusal(bearer.principalOf(header));
      const viaPassport = await refusal(authenticate(bearer, header));
      expect({ code: direct.code, message: direct.message, challenge: direct.challenge }).toEqual({ code: viaPassport.code, message: viaPassport.message, challenge: viaPassport.challenge });
    }
  });
});
