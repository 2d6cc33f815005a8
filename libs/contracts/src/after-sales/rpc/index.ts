export * from './subjects.js';
export * from './after-sales-requests.js';
export * from './after-sales-handling-requests.js';
export * from './after-sales-commands.js';
export * from './after-sales-queries.js';
export * from './after-sales-policy-requests.js';
