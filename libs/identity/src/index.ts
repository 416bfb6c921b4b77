export * from './identity.module.js';
export * from './application/read-models.js';
export * from './application/commands/rotate-signing-keys/rotate-signing-keys.command.js';
export * from './infrastructure/oauth/oauth-http.handler.js';
export * from './application/queries/find-client/find-client.query.js';
export * from './application/queries/verify-client-secret/verify-client-secret.query.js';
export * from './application/ports/marketplace-licensing.js';
export * from './api/hosted-pages/form-errors.js';
