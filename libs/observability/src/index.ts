export * from './lib/logger.js';
export * from './lib/tracing.js';
