export * from './subjects.js';
export * from './submit-member-application.request.js';
export * from './review-member.request.js';
export * from './supplement-member.request.js';
export * from './member-queries.js';
export * from './member-profile.request.js';
