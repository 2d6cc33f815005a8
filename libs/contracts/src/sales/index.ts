export * from './transaction-recorded.v1.js';
