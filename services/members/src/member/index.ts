export * from './member.commands.js';
export * from './member.decider.js';
export * from './member.errors.js';
export * from './member.events.js';
export * from './member.policy.js';
export * from './member.state.js';
export { decide as decideMember } from './member.decide.js';
