export * from './complaint.values.js';
export * from './complaint.commands.js';
export * from './complaint.events.js';
export * from './complaint.state.js';
export * from './complaint.errors.js';
export * from './complaint.decider.js';
export { isClockRunning } from './complaint.decide-sla.js';
