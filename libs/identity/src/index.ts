export * from './identity.module.js';
export * from './application/read-models.js';
export * from './application/commands/register-user/register-user.command.js';
export * from './application/commands/rotate-signing-keys/rotate-signing-keys.command.js';
export * from './application/queries/get-users/get-users.query.js';
export * from './application/queries/find-user-by-email/find-user-by-email.query.js';
export * from './infrastructure/oauth/oauth-http.handler.js';
