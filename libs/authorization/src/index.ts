export * from './authorization.module.js';
export * from './authorization-errors.js';
export * from './application/read-models.js';
export * from './application/queries/get-active-manifest/get-active-manifest.query.js';
