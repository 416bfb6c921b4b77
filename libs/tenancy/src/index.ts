export * from './tenancy.module.js';
export * from './application/read-models.js';
export * from './application/queries/list-sign-in-memberships.query.js';
export * from './application/queries/get-membership.query.js';
export * from './application/queries/authorize-application.query.js';
export * from './application/queries/authorize-organization.query.js';
