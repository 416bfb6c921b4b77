import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LoggerService } from '@nestjs/common';
import { type Level, pino, type Logger } from 'pino';
import { type AppConfig, currentRequestContext } from '#platform';

/** JSON logs with the request id, tenant and client of the request that wrote them. */
export function createLogger(config: AppConfig): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'nexinid' },
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    mixin() {
      const context = currentRequestContext();
      if (!context) return {};
      return {
        requestId: context.requestId,
        tenantId: context.principal?.tenantId,
        clientId: context.principal?.clientId,
      };
    },
  });
}

/**
 * One line per request when it finishes: info for success, warn for 4xx,
 * error for 5xx. Allocates nothing when the level is off.
 */
export function createHttpLogger(logger: Logger): (request: IncomingMessage, response: ServerResponse, milliseconds: number) => void {
  return (request, response, milliseconds) => {
    const status = response.statusCode;
    const level: Level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
    if (!logger.isLevelEnabled(level)) return;
    const url = request.url ?? '/';
    const query = url.indexOf('?');
    logger[level](
      { req: { method: request.method, url: query === -1 ? url : url.slice(0, query) }, res: { statusCode: status }, responseTime: Math.round(milliseconds) },
      'request completed',
    );
  };
}

export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}
