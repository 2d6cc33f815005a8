export * from './lib/services.js';
export * from './lib/deploy-manifests.js';
