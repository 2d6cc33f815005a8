export * from './lib/working-calendar.js';
