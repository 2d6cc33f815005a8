export * from './subjects.js';
export * from './complaint-requests.js';
export * from './complaint-commands.js';
export * from './complaint-queries.js';
export * from './sla-config-requests.js';
export * from './teamwork-subjects.js';
export * from './teamwork-requests.js';
