export * from './errors.js';
export { discover, type DiscoveryDocument } from './discovery.js';
export * from './token-validator.js';
export * from './client-credentials.js';
export * from './runtime-authorization.js';
