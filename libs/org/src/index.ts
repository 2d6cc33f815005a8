export * from './lib/org-directory.js';
