export * from './licensing.module.js';
export * from './licensing-errors.js';
export * from './application/read-models.js';
export * from './application/queries/evaluate-feature-license/evaluate-feature-license.query.js';
export * from './application/commands/expire-entitlements/expire-entitlements.command.js';
