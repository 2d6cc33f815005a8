export * from './working-calendar.js';
export * from './sla-policy.js';
