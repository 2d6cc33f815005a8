import { serviceConfigFromEnv, type ServiceConfig } from '@cs/nest-common';
import { DEFAULT_AFTER_SALES_TERMS, type AfterSalesTerms } from '../policy/after-sales-terms.policy.js';

export interface AfterSalesConfig extends ServiceConfig {
  /**
   * The [PROPOSED] after-sales terms as version 0 of the policy: in force until a definition under
   * /v1/config/after-sales-policy replaces them (a request keeps the version it was filed under).
   */
  terms: AfterSalesTerms;
}

export function afterSalesConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AfterSalesConfig {
  const overrides = env.AFTER_SALES_TERMS_JSON ? (JSON.parse(env.AFTER_SALES_TERMS_JSON) as Partial<AfterSalesTerms>) : {};
  return {
    ...serviceConfigFromEnv('after-sales', env),
    terms: { ...structuredClone(DEFAULT_AFTER_SALES_TERMS), ...overrides },
  };
}
