import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '#platform';

export const CONSOLE_CLIENT_ID = 'nexinid-console';
const CONSOLE_SCOPES = ['openid', 'profile', 'email', 'tenant_context', 'nexidentity.api'];

/** The OpenAPI document of the REST API, built from the controllers' decorators. */
export function buildOpenApiDocument(app: INestApplication, issuer: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('NexinID API')
    .setDescription(
      'Multi-tenant identity, licensing and device-trust platform. Sign in with the OAuth2 scheme ' +
        `(Authorization Code + PKCE, client \`${CONSOLE_CLIENT_ID}\`) or paste an access token into bearer; ` +
        '`GET /api/me` then answers your organization id, which the organization routes take.',
    )
    .setVersion('0.1.0')
    .setLicense('UNLICENSED', 'https://nexinid.dev/license')
    .addServer(issuer)
    .addOAuth2(
      {
        type: 'oauth2',
        flows: {
          authorizationCode: {
            authorizationUrl: `${issuer}/connect/authorize`,
            tokenUrl: `${issuer}/connect/token`,
            refreshUrl: `${issuer}/connect/token`,
            scopes: {
              openid: 'OpenID Connect sign-in',
              profile: 'Name and preferred username',
              email: 'Email address',
              tenant_context: 'Tenant, organization and membership claims',
              'nexidentity.api': 'The NexinID admin and runtime API',
            },
          },
          clientCredentials: {
            tokenUrl: `${issuer}/connect/token`,
            scopes: {
              'nexidentity.api': 'The NexinID admin and runtime API',
              'nexidentity.runtime_manifest_publish': 'Publish feature manifests',
              'nexidentity.runtime_authorization': 'Ask the runtime authorization check on behalf of a membership (services)',
            },
          },
        },
      },
      'oauth2',
    )
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .addBasicAuth({ type: 'http', scheme: 'basic', description: 'Client id and secret (ManifestPublisher compatibility path for publishing manifests).' }, 'basic')
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
  markPublicOperations(document);
  return document;
}

/** An operation without a security requirement is public; say so explicitly (`security: []`). */
function markPublicOperations(document: OpenAPIObject): void {
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path)) {
      if (operation && typeof operation === 'object' && 'responses' in operation && !operation.security) operation.security = [];
    }
  }
}

export function mountSwaggerUi(app: INestApplication, config: AppConfig): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app, config.issuer), {
    jsonDocumentUrl: 'docs/openapi.json',
    yamlDocumentUrl: 'docs/openapi.yaml',
    customSiteTitle: 'NexinID API',
    swaggerOptions: {
      persistAuthorization: true,
      oauth2RedirectUrl: `${config.issuer}/docs/oauth2-redirect.html`,
      initOAuth: { clientId: CONSOLE_CLIENT_ID, usePkceWithAuthorizationCodeGrant: true, scopes: CONSOLE_SCOPES },
    },
  });
}
