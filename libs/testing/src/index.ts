export * from './lib/decider-specification.js';
export * from './lib/infra.js';
export * from './lib/test-postgres.js';
export * from './lib/eventually.js';
export * from './lib/test-service-config.js';
export * from './lib/test-nats.js';
export * from './lib/rejected-fields.js';
export * from './lib/test-service.js';
