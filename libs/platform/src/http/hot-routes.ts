import type { IncomingMessage, ServerResponse } from 'node:http';
import { applyDecorators, Body, HttpStatus, Injectable, type OnModuleInit, type PipeTransform, RequestMethod, SetMetadata, type Type } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { CurrentPrincipal } from '../auth/authenticated.decorator.js';
import { REQUIRED_SCOPES } from '../auth/bearer-auth.guard.js';
import { BearerAuthenticator } from '../auth/bearer-authentication.js';
import { requireScopes } from '../auth/bearer-challenge.js';
import type { Principal } from '../auth/principal.js';
import { setCurrentPrincipal } from '../context/request-context.js';
import { sendProblem } from '../errors/problem.filter.js';
import { requestPath } from './request-path.js';

const HOT_ROUTE = 'nexinid:hot-route';

type HotHandler = (principal: Principal, body: unknown) => Promise<unknown>;

interface ServedRoute {
  pipe: PipeTransform;
  scopes: string[][];
  status: number;
  handler: HotHandler;
}

type BodyReader = (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void;

const joined = (...parts: Array<string | undefined>) => `/${parts.flatMap((part) => (part ?? '').split('/')).filter(Boolean).join('/')}`;

/**
 * Marks an `@Authenticated` JSON route, whose method takes `(principal, body)`, as served by the HTTP
 * server ahead of Express (docs/architecture.md, ADR 16). Its Nest route stays registered, so the
 * OpenAPI document describes it, but requests never reach it. `pipe` validates the body; it must
 * not need injection.
 */
export function HotRoute(pipe: Type<PipeTransform>): MethodDecorator {
  return applyDecorators(SetMetadata(HOT_ROUTE, pipe), (target: object, key: string | symbol) => {
    CurrentPrincipal()(target, key, 0);
    Body(pipe)(target, key, 1);
  });
}

/**
 * Serves the `@HotRoute` methods: the same JSON body reader as Express, the
 * same bearer authentication and scope check as `@Authenticated`, the same
 * problem answers, and the request context (request id, principal) the server
 * opened. What it skips is Express routing, Nest's per-request pipeline and
 * passport's middleware (the check itself is `BearerAuthenticator.principalOf`),
 * which cost more than a runtime check itself.
 */
@Injectable()
export class HotRoutes implements OnModuleInit {
  readonly #routes = new Map<string, ServedRoute>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    private readonly bearer: BearerAuthenticator,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getControllers()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype) continue;
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const method = prototype[name];
        if (typeof method !== 'function') continue;
        const pipe = this.reflector.get<Type<PipeTransform> | undefined>(HOT_ROUTE, method);
        if (!pipe) continue;
        const scopes = this.reflector.getAllAndOverride<string[][] | undefined>(REQUIRED_SCOPES, [method, metatype]);
        if (!scopes) throw new Error(`${metatype.name}.${name}: a hot route must be @Authenticated`);
        const verb = RequestMethod[this.reflector.get<RequestMethod>(METHOD_METADATA, method)];
        const path = joined(this.reflector.get<string>(PATH_METADATA, metatype as Type), this.reflector.get<string>(PATH_METADATA, method));
        const status = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, method) ?? (verb === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);
        this.#routes.set(`${verb} ${path}`, { pipe: new pipe(), scopes, status, handler: (method as HotHandler).bind(instance) });
      }
    }
  }

  /** The route for this request, if a hot route serves it. */
  find(request: IncomingMessage): ServedRoute | undefined {
    return this.#routes.size === 0 ? undefined : this.#routes.get(`${request.method} ${requestPath(request.url)}`);
  }

  /** Answers the request; `readBody` is the server's JSON body reader. */
  serve(route: ServedRoute, request: IncomingMessage & { body?: unknown }, response: ServerResponse, readBody: BodyReader): void {
    readBody(request, response, (error) => {
      if (error) return sendProblem(response, error, request);
      this.answer(route, request, response).catch((failure: unknown) => sendProblem(response, failure, request));
    });
  }

  private async answer(route: ServedRoute, request: IncomingMessage & { body?: unknown }, response: ServerResponse): Promise<void> {
    const principal = await this.bearer.principalOf(request.headers.authorization);
    setCurrentPrincipal(principal);
    requireScopes(principal, route.scopes);
    const body = await route.pipe.transform(request.body, { type: 'body' });
    const result = JSON.stringify(await route.handler(principal, body));
    response.statusCode = route.status;
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.setHeader('Content-Length', Buffer.byteLength(result));
    response.end(result);
  }
}
