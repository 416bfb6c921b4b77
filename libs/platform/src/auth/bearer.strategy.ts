import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-strategy';
import { AccessTokenVerifier } from './access-token-verifier.js';
import type { Principal } from './principal.js';

const BEARER = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/;

/** RFC 6750 header-only bearer extraction (no tokens in query strings or bodies). */
class HeaderBearerStrategy extends Strategy {
  name = 'bearer';

  constructor(private readonly verify: (token: string) => Promise<Principal>) {
    super();
  }

  override authenticate(request: Request): void {
    const header = request.headers.authorization;
    if (!header) return this.fail('missing', 401);
    const match = BEARER.exec(header);
    if (!match) return this.fail('malformed', 401);
    this.verify(match[1]).then(
      (principal) => this.success(principal),
      (error: unknown) => this.error(error as Error),
    );
  }
}

const PassportBearer = PassportStrategy(HeaderBearerStrategy, 'bearer') as unknown as new (
  verify: (token: string) => Promise<Principal>,
) => InstanceType<ReturnType<typeof PassportStrategy>>;

/** Registered by the identity module, which provides the AccessTokenVerifier. */
@Injectable()
export class BearerStrategy extends PassportBearer {
  constructor(verifier: AccessTokenVerifier) {
    super((token: string) => verifier.verify(token));
  }

  validate(principal: Principal): Principal {
    return principal;
  }
}
