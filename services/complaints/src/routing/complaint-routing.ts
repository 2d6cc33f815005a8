/**
 * Who owns a complaint (首问制, R27) and who takes it at each escalation level. Pure: the roster and
 * the rules are configuration, the choice among several people at a level is a stable function
 * of the complaint id (so replicas and retries agree), never a random pick.
 */
export interface RosterEntry {
  id: string;
  name?: string;
}

export interface StaffRoster {
  /** The manager (team lead) of each store. */
  storeManagers: Record<string, RosterEntry>;
  /** HQ customer-service agents per region. */
  regionAgents: Record<string, RosterEntry[]>;
  /** HQ customer-service managers. */
  hqManagers: RosterEntry[];
}

export type RoutingTarget = 'filer' | 'store_manager' | 'region_agent' | 'hq_manager';

/** [PROPOSED] §1.3.5: which intake goes where; configuration. */
export interface RoutingRules {
  storeSource: RoutingTarget;
  hqSource: RoutingTarget;
  repeat: RoutingTarget;
  p1: RoutingTarget;
}

export const DEFAULT_ROUTING_RULES: RoutingRules = { storeSource: 'filer', hqSource: 'region_agent', repeat: 'region_agent', p1: 'hq_manager' };

export const EMPTY_ROSTER: StaffRoster = { storeManagers: {}, regionAgents: {}, hqManagers: [] };

export interface RoutingCase {
  complaintId: string;
  storeId: string;
  regionId?: string;
  source: 'store' | 'hq';
  severity: 'P1' | 'P2' | 'P3';
  repeat: boolean;
  filer: RosterEntry;
}

export interface RoutedOwner extends RosterEntry {
  /** Why this owner: the rule that applied. */
  rule: 'store_source' | 'hq_source' | 'repeat' | 'p1' | 'fallback_filer';
}

function pick(people: readonly RosterEntry[], key: string): RosterEntry | undefined {
  if (!people.length) return undefined;
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (Math.imul(hash, 31) + key.charCodeAt(i)) >>> 0;
  return people[hash % people.length];
}

export function personAt(target: RoutingTarget, c: Pick<RoutingCase, 'complaintId' | 'storeId' | 'regionId' | 'filer'>, roster: StaffRoster): RosterEntry | undefined {
  switch (target) {
    case 'filer':
      return c.filer;
    case 'store_manager':
      return roster.storeManagers[c.storeId];
    case 'region_agent':
      return pick(c.regionId ? (roster.regionAgents[c.regionId] ?? []) : [], c.complaintId);
    case 'hq_manager':
      return pick(roster.hqManagers, c.complaintId);
    default: {
      const _exhaustive: never = target;
      return _exhaustive;
    }
  }
}

/**
 * The first owner of a complaint: P1 first, then repeats, then by source. When the rule names a
 * level nobody is on the roster for, the filer keeps it: a complaint is never without an owner.
 */
export function routeComplaint(c: RoutingCase, rules: RoutingRules, roster: StaffRoster): RoutedOwner {
  const [rule, target]: [RoutedOwner['rule'], RoutingTarget] =
    c.severity === 'P1' ? ['p1', rules.p1] : c.repeat ? ['repeat', rules.repeat] : c.source === 'hq' ? ['hq_source', rules.hqSource] : ['store_source', rules.storeSource];
  const person = personAt(target, c, roster);
  return person ? { ...person, rule } : { ...c.filer, rule: 'fallback_filer' };
}

/** Who takes the case at an escalation level, when the escalating person names nobody. */
export function ownerAtLevel(
  level: 'store_manager' | 'hq_agent' | 'hq_manager',
  c: Pick<RoutingCase, 'complaintId' | 'storeId' | 'regionId' | 'filer'>,
  roster: StaffRoster,
): RosterEntry | undefined {
  return personAt(level === 'store_manager' ? 'store_manager' : level === 'hq_agent' ? 'region_agent' : 'hq_manager', c, roster);
}
