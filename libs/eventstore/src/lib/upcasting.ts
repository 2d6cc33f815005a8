/**
 * Read-time upcasting: an upcaster turns a stored payload of (type, schemaVersion) into the next
 * schema version. Chains run until no upcaster matches, so v1 -> v2 -> v3 composes.
 */
export interface Upcaster {
  type: string;
  fromVersion: number;
  upcast(data: Record<string, unknown>): Record<string, unknown>;
}

export class UpcasterChain {
  private readonly byKey = new Map<string, Upcaster>();

  constructor(upcasters: readonly Upcaster[] = []) {
    for (const u of upcasters) this.byKey.set(`${u.type}@${u.fromVersion}`, u);
  }

  apply(type: string, schemaVersion: number, data: Record<string, unknown>): { data: Record<string, unknown>; schemaVersion: number } {
    let version = schemaVersion;
    let current = data;
    for (let u = this.byKey.get(`${type}@${version}`); u; u = this.byKey.get(`${type}@${version}`)) {
      current = u.upcast(current);
      version += 1;
    }
    return { data: current, schemaVersion: version };
  }
}
