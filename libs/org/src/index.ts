export * from './lib/org-directory.js';
export * from './lib/roles.js';
export * from './lib/gift-roles.js';
