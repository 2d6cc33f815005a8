import type { Actor } from '@cs/eventstore';
import type { LoyaltyRules } from './loyalty-config.values.js';

export type LoyaltyConfigActor = Pick<Actor, 'id' | 'role' | 'name'>;

/** The first definition; until then the service runs on its default rules (revision 0). */
export interface DefineLoyaltyRules {
  type: 'DefineLoyaltyRules';
  configId: string;
  rules: LoyaltyRules;
  now: string;
  actor: LoyaltyConfigActor;
}

/** A full replacement of the rules; calculations already made keep the revision they were made under. */
export interface ReviseLoyaltyRules {
  type: 'ReviseLoyaltyRules';
  configId: string;
  rules: LoyaltyRules;
  note?: string;
  now: string;
  actor: LoyaltyConfigActor;
}

export type LoyaltyConfigCommand = DefineLoyaltyRules | ReviseLoyaltyRules;
