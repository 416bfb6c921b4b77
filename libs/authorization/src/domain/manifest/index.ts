/** The pure manifest rules, shared by the server and the `nexinid` CLI (which must not load anything else). */
export * from './feature-manifest.js';
export * from './manifest-grammar.js';
export * from './manifest-schema.js';
export * from './manifest-validation.js';
export * from './canonical-manifest.js';
export * from './manifest-diff.js';
export * from './manifest-publication.js';
export * from './permission-reference.js';
