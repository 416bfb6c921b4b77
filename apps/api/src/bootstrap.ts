import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter, type NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import { DataSource } from 'typeorm';
import { hostedPageFormErrors, OAuthHttpHandler } from '#identity';
import { type AppConfig, HotRoutes, jsonBody, observeRequest, refuseNulInForm, refuseNulInUrl, setApiResponseDefaults, urlCarriesNul, withRequestContext } from '#platform';
import { AppModule } from './app.module.js';
import { IdleMemoryTrim } from './idle-memory-trim.js';
import { createHttpLogger, createLogger, PinoNestLogger } from './logging.js';
import { mountSwaggerUi } from './openapi/swagger.js';

export interface NexinId {
  app: NestExpressApplication;
  server: Server;
  /** Listens and resolves with the bound port. */
  listen(port?: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

export interface NexinIdOptions {
  /** Extra modules for tests (e.g. a captured event sink). */
  extraModules?: Array<Type | DynamicModule>;
}

const BODY_LIMIT = '64kb';
const BODY_LIMIT_BYTES = 64 * 1024;

/**
 * Builds the platform. OAuth/OIDC paths are dispatched to oidc-provider from
 * the HTTP server's request listener, before Express sees them: Express in
 * front of the provider was measured to cost ~38% of token throughput. The
 * `@HotRoute` runtime checks are served there too (ADR 16).
 */
export async function createNexinId(config: AppConfig, options: NexinIdOptions = {}): Promise<NexinId> {
  const logger = createLogger(config);
  const expressApp = express();
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.register(config, options.extraModules),
    new ExpressAdapter(expressApp),
    { bodyParser: false, logger: new PinoNestLogger(logger), abortOnError: false },
  );
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  const readJson = jsonBody(BODY_LIMIT_BYTES);
  app.use(readJson);
  app.use(express.urlencoded({ limit: BODY_LIMIT, extended: false, verify: refuseNulInForm }));
  app.use(hostedPageFormErrors);
  mountSwaggerUi(app, config);
  // The database closes last, after every shutdown hook (the audit trail flushes its queue in one).
  const shutDown = async () => {
    await app.close();
    await app.get(DataSource).destroy();
  };
  try {
    await app.init();
  } catch (error) {
    // A start-up that fails half-way (e.g. under another master key) releases what it opened.
    await shutDown().catch(() => undefined);
    throw error;
  }

  const oauth = app.get(OAuthHttpHandler);
  const hot = app.get(HotRoutes);
  const httpLogger = createHttpLogger(logger);
  const idleTrim = new IdleMemoryTrim();
  const server = createServer(
    withRequestContext(config.trustProxy, (request, response) => {
      idleTrim.noteRequest();
      // One listener and one clock read feed both the metrics and the log line.
      const started = performance.now();
      response.on('finish', () => {
        const milliseconds = performance.now() - started;
        observeRequest(request, response, milliseconds / 1000);
        httpLogger(request, response, milliseconds);
      });
      if (urlCarriesNul(request.url)) return refuseNulInUrl(request, response, oauth.handles(request));
      if (oauth.handles(request)) return oauth.handle(request, response);
      setApiResponseDefaults(request, response);
      const hotRoute = hot.find(request);
      if (hotRoute) hot.serve(hotRoute, request, response, readJson);
      else expressApp(request, response);
    }),
  );
  server.keepAliveTimeout = 65_000;

  return {
    app,
    server,
    listen: (port = config.port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          idleTrim.start();
          resolve((server.address() as AddressInfo).port);
        });
      }),
    close: async () => {
      idleTrim.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await shutDown();
    },
  };
}
