import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { setCurrentPrincipal } from '../context/request-context.js';
import { AccessTokenVerifier } from './access-token-verifier.js';
import { authenticateBearer, requireScopes } from './bearer-authentication.js';
import type { Principal } from './principal.js';

export const REQUIRED_SCOPES = 'nexinid:required-scopes';

/**
 * Authenticates the bearer token, then checks the route's required scopes.
 * The verifier is looked up lazily: the identity module provides it.
 */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  #verifier: AccessTokenVerifier | undefined;

  constructor(
    private readonly reflector: Reflector,
    private readonly moduleRef: ModuleRef,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & { user?: Principal }>();
    const verifier = (this.#verifier ??= this.moduleRef.get(AccessTokenVerifier, { strict: false }) as AccessTokenVerifier);
    const principal = await authenticateBearer(request.headers.authorization, verifier);
    request.user = principal;
    setCurrentPrincipal(principal);
    requireScopes(principal, this.reflector.getAllAndOverride<string[][] | undefined>(REQUIRED_SCOPES, [context.getHandler(), context.getClass()]) ?? []);
    return true;
  }
}
