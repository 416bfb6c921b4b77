import { applyDecorators, type CanActivate, type ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { DomainError } from '#kernel';
import { AppConfig } from '../config/app-config.js';

export interface RateLimitOptions {
  /** Requests allowed per client IP in one window. */
  limit: number;
  windowSeconds: number;
}

const RATE_LIMIT = 'nexinid:rate-limit';

/** Limits a public route per client IP; `name` selects the configured limit. */
export const RateLimit = (name: keyof AppConfig['rateLimits']) =>
  applyDecorators(SetMetadata(RATE_LIMIT, name), UseGuards(RateLimitGuard));

/**
 * Fixed-window limiter per IP and route, in process memory. Each instance
 * limits on its own, which is what public, unauthenticated endpoints need to
 * blunt abuse; account lockout (which must be global) lives in the database.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  readonly #windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const name = this.reflector.get<keyof AppConfig['rateLimits'] | undefined>(RATE_LIMIT, context.getHandler());
    if (!name) return true;
    const options: RateLimitOptions = this.config.rateLimits[name];
    const request = context.switchToHttp().getRequest<Request>();
    const key = `${context.getClass().name}.${context.getHandler().name}:${request.ip}`;
    const now = Date.now();
    const windowMs = options.windowSeconds * 1000;
    let window = this.#windows.get(key);
    if (!window || now - window.start >= windowMs) {
      window = { start: now, count: 0 };
      this.#windows.set(key, window);
      if (this.#windows.size > 10_000) this.sweep(now, windowMs);
    }
    window.count += 1;
    if (window.count > options.limit) {
      const retryAfter = Math.ceil((window.start + windowMs - now) / 1000);
      context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(retryAfter));
      throw new DomainError('platform.rate_limited', `Too many requests; retry in ${retryAfter} s.`, { retryAfter });
    }
    return true;
  }

  private sweep(now: number, windowMs: number): void {
    for (const [key, window] of this.#windows) if (now - window.start >= windowMs) this.#windows.delete(key);
  }
}
