export * from './loyalty-subjects.js';
export * from './record-purchase.request.js';
export * from './request-redemption.request.js';
export * from './loyalty-queries.js';
export * from './loyalty-config.request.js';
export * from './birthday-greeting.request.js';
