export * from './ids.js';
export * from './clock.js';
export * from './domain-event.js';
export * from './aggregate-root.js';
export * from './domain-error.js';
export * from './page.js';
