import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { setCurrentPrincipal } from '../context/request-context.js';
import { BearerAuthenticator } from './bearer-authentication.js';
import { requireScopes } from './bearer-challenge.js';

export const REQUIRED_SCOPES = 'nexinid:required-scopes';

/** Authenticates the bearer token (the principal becomes `request.user`), then checks the route's required scopes. */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly bearer: BearerAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const principal = await this.bearer.authenticate(http.getRequest<Request>(), http.getResponse<Response>());
    setCurrentPrincipal(principal);
    requireScopes(principal, this.reflector.getAllAndOverride<string[][] | undefined>(REQUIRED_SCOPES, [context.getHandler(), context.getClass()]) ?? []);
    return true;
  }
}
