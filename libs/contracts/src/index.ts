import './validation-metadata-cache.js';
export * from './envelope.js';
export * from './members/index.js';
export * from './complaints/index.js';
export * from './validators.js';
export * from './gifts/index.js';
export * from './after-sales/index.js';
export * from './sales/index.js';
