import type { Actor } from '@cs/eventstore';
import { DomainError } from '@cs/eventstore';
import { hasRole, HQ_WIDE_ROLES, REGION_SCOPED_ROLES, STORE_SCOPED_ROLES } from './roles.js';

export interface StoreInfo {
  storeId: string;
  name: string;
  regionId: string;
  type: 'physical' | 'online';
  timezone: string;
}

/** [PROPOSED] seed org data for local runs; operators set STORES_JSON (an array of StoreInfo). */
export const DEFAULT_STORES: StoreInfo[] = [
  { storeId: 'S001', name: 'Shanghai Nanjing Road', regionId: 'R1', type: 'physical', timezone: 'Asia/Shanghai' },
  { storeId: 'S002', name: 'Shanghai Xujiahui', regionId: 'R1', type: 'physical', timezone: 'Asia/Shanghai' },
  { storeId: 'S003', name: 'Hangzhou West Lake', regionId: 'R2', type: 'physical', timezone: 'Asia/Shanghai' },
  { storeId: 'S004', name: 'Nanjing Xinjiekou', regionId: 'R2', type: 'physical', timezone: 'Asia/Shanghai' },
  { storeId: 'S005', name: 'Beijing Wangfujing', regionId: 'R3', type: 'physical', timezone: 'Asia/Shanghai' },
  { storeId: 'ONLINE', name: 'Flagship online store', regionId: 'R0', type: 'online', timezone: 'Asia/Shanghai' },
];

/** Stores and regions, and who may see what: a store role its store, an HQ agent its regions. */
export class OrgDirectory {
  private readonly stores: Map<string, StoreInfo>;

  constructor(stores: StoreInfo[] = DEFAULT_STORES) {
    this.stores = new Map(stores.map((s) => [s.storeId, s]));
  }

  static fromEnv(env: NodeJS.ProcessEnv = process.env): OrgDirectory {
    return new OrgDirectory(env.STORES_JSON ? (JSON.parse(env.STORES_JSON) as StoreInfo[]) : DEFAULT_STORES);
  }

  store(storeId: string): StoreInfo | undefined {
    return this.stores.get(storeId);
  }

  /** The store, or a 422 naming the unknown id. */
  requireStore(storeId: string): StoreInfo {
    const store = this.stores.get(storeId);
    if (!store) throw new DomainError('UNKNOWN_STORE', `Store ${storeId} is not in the directory`, 'rule', { storeId });
    return store;
  }

  /** Every store in directory order (copies: callers cannot change the directory). */
  listStores(): StoreInfo[] {
    return [...this.stores.values()].map((s) => ({ ...s }));
  }

  regionOf(storeId: string): string | undefined {
    return this.stores.get(storeId)?.regionId;
  }

  /** May the actor see or act on records of this store? (Customers are checked per record.) */
  canAccessStore(actor: Actor | undefined, storeId: string): boolean {
    if (!actor) return false;
    if (hasRole(HQ_WIDE_ROLES, actor.role)) return true;
    if (hasRole(STORE_SCOPED_ROLES, actor.role)) return actor.storeId === storeId;
    if (hasRole(REGION_SCOPED_ROLES, actor.role)) {
      const region = this.regionOf(storeId);
      return region !== undefined && (actor.regionIds ?? []).includes(region);
    }
    return false;
  }

  /** SQL-friendly scope of an actor: null means everything, otherwise the store ids it may see. */
  visibleStoreIds(actor: Actor | undefined): string[] | null {
    if (hasRole(HQ_WIDE_ROLES, actor?.role)) return null;
    return [...this.stores.keys()].filter((id) => this.canAccessStore(actor, id));
  }
}
