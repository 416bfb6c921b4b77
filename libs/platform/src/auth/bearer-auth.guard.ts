import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { setCurrentPrincipal } from '../context/request-context.js';
import { BearerAuthenticator, requireScopes } from './bearer-authentication.js';
import type { Principal } from './principal.js';

export const REQUIRED_SCOPES = 'nexinid:required-scopes';

/** Authenticates the bearer token, then checks the route's required scopes. */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly bearer: BearerAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & { user?: Principal }>();
    const principal = await this.bearer.authenticate(request.headers.authorization);
    request.user = principal;
    setCurrentPrincipal(principal);
    requireScopes(principal, this.reflector.getAllAndOverride<string[][] | undefined>(REQUIRED_SCOPES, [context.getHandler(), context.getClass()]) ?? []);
    return true;
  }
}
