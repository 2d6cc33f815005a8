import type { Actor } from '@cs/eventstore';

/** Who changes SLA configuration, as the SLA policy and working calendar commands carry it. */
export type ConfigActor = Pick<Actor, 'id' | 'role' | 'name'>;

/** Who may change SLA configuration; the gateway checks the same roles before calling. */
export const SLA_CONFIG_ROLES: readonly string[] = ['hq_cs_manager', 'admin'];

export function mayChangeSlaConfig(actor: ConfigActor): boolean {
  return SLA_CONFIG_ROLES.includes(actor.role);
}
