import { createHash, timingSafeEqual } from 'node:crypto';
import { Controller, Get, Header, HttpCode, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { BearerChallenge } from '../auth/bearer-challenge.js';
import { bearerTokenOf } from '../auth/bearer-token.js';
import { AppConfig } from '../config/app-config.js';
import { metricsRegistry } from './metrics.js';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Liveness, readiness (database checked) and Prometheus metrics (behind NEXINID_METRICS_TOKEN when it is set). */
@ApiExcludeController()
@Controller()
export class OperationsController {
  readonly #metricsToken: Buffer | undefined;

  constructor(
    private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.#metricsToken = config.metricsToken === undefined ? undefined : digest(config.metricsToken);
  }

  @Get('health/live')
  live(): { status: string } {
    return { status: 'ok' };
  }

  @Get('health/ready')
  @HttpCode(200)
  async ready(@Res() response: Response): Promise<void> {
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('database timeout')), 2000).unref()),
      ]);
      response.json({ status: 'ok', checks: { database: 'ok' } });
    } catch (error) {
      response.status(503).json({ status: 'unavailable', checks: { database: String((error as Error).message) } });
    }
  }

  @Get('metrics')
  @Header('Content-Type', metricsRegistry.contentType)
  metrics(@Req() request: Request): Promise<string> {
    if (this.#metricsToken) {
      const presented = bearerTokenOf(request.headers.authorization);
      // Digests of equal length, so the comparison takes the same time whatever was sent.
      if (!presented || !timingSafeEqual(digest(presented), this.#metricsToken)) {
        throw new BearerChallenge('platform.unauthorized', 'The metrics token is required (Authorization: Bearer <NEXINID_METRICS_TOKEN>).', 'Bearer realm="metrics"');
      }
    }
    return metricsRegistry.metrics();
  }
}
