import { type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Response } from 'express';
import { DomainError } from '#kernel';
import { setCurrentPrincipal } from '../context/request-context.js';
import type { Principal } from './principal.js';

export const REQUIRED_SCOPES = 'nexinid:required-scopes';

/** Authenticates with the bearer strategy, then checks the route's required scopes. */
@Injectable()
export class BearerAuthGuard extends AuthGuard('bearer') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    await super.canActivate(context);
    const principal = context.switchToHttp().getRequest<{ user: Principal }>().user;
    setCurrentPrincipal(principal);
    const required =
      this.reflector.getAllAndOverride<string[][] | undefined>(REQUIRED_SCOPES, [context.getHandler(), context.getClass()]) ??
      [];
    // Each entry is a set of alternatives: ['a', 'b'] means "a or b".
    const missing = required.find((alternatives) => !alternatives.some((scope) => principal.scopes.has(scope)));
    if (missing) {
      const response = context.switchToHttp().getResponse<Response>();
      response.setHeader(
        'WWW-Authenticate',
        `Bearer realm="nexinid", error="insufficient_scope", scope="${missing.join(' ')}"`,
      );
      throw new DomainError('platform.insufficient_scope', `The access token lacks the scope ${missing.join(' or ')}.`, {
        requiredScope: missing,
      });
    }
    return true;
  }

  override handleRequest<T>(error: unknown, principal: T, info: unknown, context: ExecutionContext): T {
    if (principal && !error) return principal;
    const response = context.switchToHttp().getResponse<Response>();
    const detail =
      error instanceof DomainError
        ? error.message
        : info === 'malformed'
          ? 'The Authorization header is not a Bearer token.'
          : 'An access token is required (Authorization: Bearer <token>).';
    response.setHeader(
      'WWW-Authenticate',
      error || info === 'malformed'
        ? `Bearer realm="nexinid", error="invalid_token", error_description="${detail.replace(/"/g, "'")}"`
        : 'Bearer realm="nexinid"',
    );
    throw new DomainError('platform.unauthorized', detail);
  }
}
