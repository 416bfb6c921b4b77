export * from './authorization.module.js';
export * from './authorization-errors.js';
