import { Injectable } from '@nestjs/common';
import { ServiceHost } from '@cs/nest-common';
import { DEFAULT_LOYALTY_RULES } from '../loyalty-config/loyalty-config.defaults.js';
import { DEFAULT_LOYALTY_CONFIG_ID } from '../loyalty-config/loyalty-config.decider.js';
import { rulesInForce } from '../loyalty-config/loyalty-config.state.js';
import type { LoyaltyRulesInForce } from '../loyalty-config/loyalty-config.values.js';
import { loyaltyConfigStream } from '../rpc/loyalty-streams.js';

export interface LoyaltyRulesView extends LoyaltyRulesInForce {
  definedAt?: string;
  definedBy?: string;
}

/**
 * The loyalty rules in force, folded from their stream on every call (every replica sees a change
 * at once); before any definition, the [PROPOSED] defaults as revision 0.
 */
@Injectable()
export class LoyaltyRulesService {
  constructor(private readonly host: ServiceHost) {}

  async inForce(asOf?: Date): Promise<LoyaltyRulesView> {
    const { state } = await loyaltyConfigStream.load(this.host, DEFAULT_LOYALTY_CONFIG_ID, asOf);
    return { ...rulesInForce(state, DEFAULT_LOYALTY_RULES), ...(state ? { definedAt: state.definedAt, definedBy: state.definedBy } : {}) };
  }
}
