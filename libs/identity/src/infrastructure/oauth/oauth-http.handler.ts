import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable } from '@nestjs/common';
import { requestPath } from '#platform';
import { isFormPostToGetEndpoint, redirectFormPostAsGet } from './form-post-as-get.js';
import { OAUTH_PATHS } from './oauth-constants.js';
import { OidcProviderHolder } from './oidc-provider.holder.js';
import { UserInfoEndpoint } from './userinfo.endpoint.js';

const DISCOVERY = new Set(['/.well-known/openid-configuration', '/.well-known/oauth-authorization-server', OAUTH_PATHS.jwks]);

/**
 * Receives OAuth/OIDC requests straight from the HTTP server, ahead of
 * Express: the provider parses its own bodies and nothing on its hot path pays
 * for Nest's middleware (see docs/architecture.md, "OAuth mounting").
 */
@Injectable()
export class OAuthHttpHandler {
  constructor(
    private readonly holder: OidcProviderHolder,
    private readonly userinfo: UserInfoEndpoint,
  ) {}

  handles(request: IncomingMessage): boolean {
    const path = requestPath(request.url);
    return path.startsWith('/connect/') || DISCOVERY.has(path);
  }

  handle(request: IncomingMessage, response: ServerResponse): void {
    const path = requestPath(request.url);
    if (isFormPostToGetEndpoint(request, path)) return redirectFormPostAsGet(request, response, path);
    if (path === OAUTH_PATHS.userinfo && request.method !== 'OPTIONS') {
      void this.userinfo.handle(request, response).catch(() => {
        if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ error: 'server_error' }));
      });
      return;
    }
    this.holder.callback(request, response);
  }
}
