import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import passport from 'passport';
import { DomainError } from '#kernel';
import { setCurrentPrincipal } from '../context/request-context.js';
import { BearerStrategy } from './bearer.strategy.js';
import type { Principal } from './principal.js';

export const REQUIRED_SCOPES = 'nexinid:required-scopes';

/**
 * Authenticates with this application's bearer strategy, then checks the
 * route's required scopes. The strategy instance is handed to passport
 * directly rather than by name: passport's name registry is process-wide, and
 * two NexinIDs in one process (tests) must not verify with each other's keys.
 */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  #strategy: BearerStrategy | undefined;

  constructor(
    private readonly reflector: Reflector,
    private readonly moduleRef: ModuleRef,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & { user?: Principal }>();
    const response = context.switchToHttp().getResponse<Response>();
    this.#strategy ??= this.moduleRef.get(BearerStrategy, { strict: false });
    const principal = await new Promise<Principal>((resolve, reject) => {
      // Passport attaches success/fail/error to the strategy object it is given (it only copies strategies
      // it looks up by name), so each request gets its own object: concurrent requests sharing one would
      // hand one request's outcome to another's callback.
      const perRequest = Object.create(this.#strategy as object) as never;
      passport.authenticate(perRequest, { session: false }, (error: unknown, user: Principal | false, info: unknown) => {
        try {
          resolve(this.handleRequest(error, user, info, context));
        } catch (failure) {
          reject(failure);
        }
      })(request, response, reject);
    });
    request.user = principal;
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

  private handleRequest(error: unknown, principal: Principal | false, info: unknown, context: ExecutionContext): Principal {
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
