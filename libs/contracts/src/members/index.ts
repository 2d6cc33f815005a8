export * from './member-vocabulary.js';
export * from './member-application-submitted.v1.js';
export * from './member-supplement-requested.v1.js';
export * from './member-application-supplemented.v1.js';
export * from './member-activated.v1.js';
export * from './members-events.js';
export * from './rpc/index.js';
export * from './loyalty/index.js';
