import { serviceConfigFromEnv, type ServiceConfig } from '@cs/nest-common';

/** After-sales settings; the [PROPOSED] values of returns, exchanges and repairs join here as they arrive. */
export type AfterSalesConfig = ServiceConfig;

export function afterSalesConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AfterSalesConfig {
  return serviceConfigFromEnv('after-sales', env);
}
