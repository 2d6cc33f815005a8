export * from './lib/decider-specification.js';
