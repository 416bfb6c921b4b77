import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiForbiddenResponse, ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { BearerAuthGuard, REQUIRED_SCOPES } from './bearer-auth.guard.js';
import type { Principal } from './principal.js';
import { ProblemResponse } from '../http/problem.response.js';

/**
 * Requires a valid access token. Each argument is a required scope; an array
 * argument lists alternatives (any one of them suffices).
 */
export function Authenticated(...scopes: Array<string | string[]>) {
  const required = scopes.map((scope) => (Array.isArray(scope) ? scope : [scope]));
  return applyDecorators(
    SetMetadata(REQUIRED_SCOPES, required),
    UseGuards(BearerAuthGuard),
    ApiSecurity('oauth2', required.flat()),
    ApiSecurity('bearer'),
    ApiUnauthorizedResponse({ description: 'Missing, expired or invalid access token.', type: ProblemResponse }),
    ApiForbiddenResponse({ description: 'Missing scope or permission.', type: ProblemResponse }),
  );
}

export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => context.switchToHttp().getRequest<{ user: Principal }>().user,
);
