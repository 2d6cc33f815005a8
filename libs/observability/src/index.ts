export * from './lib/logger.js';
export * from './lib/tracing.js';
export * from './lib/is-main.js';
