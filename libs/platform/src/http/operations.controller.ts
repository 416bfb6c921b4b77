import { Controller, Get, Header, HttpCode, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { metricsRegistry } from './metrics.js';

/** Liveness, readiness (database checked) and Prometheus metrics. */
@ApiExcludeController()
@Controller()
export class OperationsController {
  constructor(private readonly dataSource: DataSource) {}

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
  metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }
}
