export * from './lib/logger.js';
