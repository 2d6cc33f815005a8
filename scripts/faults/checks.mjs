// What the journal of acknowledged commands must find in the services' databases.
import pg from 'pg';

export class Checks {
  /** `urls`: { members, complaints } database URLs (direct, never through a fault proxy). */
  constructor(urls) {
    this.pools = Object.fromEntries(
      Object.entries(urls).map(([service, url]) => {
        const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 3000 });
        pool.on('error', () => undefined); // Postgres restarts are one of the faults
        return [service, pool];
      }),
    );
  }

  /**
   * Keys of acknowledged commands missing from their service's command log. The journal is copied
   * before reading: the load goes on while the logs are read, and a command acknowledged after a
   * log was read is not missing from it.
   */
  async lost(journal) {
    const acknowledged = journal.slice();
    const missing = [];
    for (const [service, pool] of Object.entries(this.pools)) {
      const { rows } = await pool.query('select command_id from es_command_log');
      const keys = new Set(rows.map((r) => r.command_id.slice(r.command_id.lastIndexOf(':') + 1)));
      for (const entry of acknowledged) if (entry.service === service && !keys.has(entry.key)) missing.push(entry);
    }
    return missing;
  }

  /** Commands whose events were appended by more than one transaction (applied twice). */
  async duplicated() {
    const twice = [];
    for (const [service, pool] of Object.entries(this.pools)) {
      const { rows } = await pool.query(
        `select metadata->>'commandId' as command_id, count(distinct transaction_id)::int as appends
           from es_events where metadata ? 'commandId' group by 1 having count(distinct transaction_id) > 1`,
      );
      twice.push(...rows.map((r) => ({ service, ...r })));
    }
    return twice;
  }

  /**
   * What the read models do not reflect yet of `journal`: members' list, complaints' list, and
   * complaints' member directory (fed by members' events over JetStream). Empty when caught up.
   */
  async behind(journal) {
    const latest = (service) => {
      const byId = new Map();
      for (const e of journal) if (e.service === service) byId.set(e.id, Math.max(byId.get(e.id) ?? 0, e.version));
      return byId;
    };
    const behind = [];
    const members = latest('members');
    const approved = new Set(journal.filter((e) => e.kind === 'member.approved').map((e) => e.id));
    const { rows: listed } = await this.pools.members.query('select member_id, version from member_list_v1 where member_id = any($1)', [[...members.keys()]]);
    const memberVersions = new Map(listed.map((r) => [r.member_id, r.version]));
    for (const [id, version] of members) if (!(memberVersions.get(id) >= version)) behind.push(`members list ${id}@${version}`);
    const { rows: directory } = await this.pools.complaints.query('select member_id, status from member_directory where member_id = any($1)', [[...members.keys()]]);
    const statuses = new Map(directory.map((r) => [r.member_id, r.status]));
    for (const id of members.keys()) {
      if (!statuses.has(id)) behind.push(`member directory ${id} missing`);
      else if (approved.has(id) && statuses.get(id) !== 'active') behind.push(`member directory ${id} ${statuses.get(id)}, not active`);
    }
    const complaints = latest('complaints');
    const { rows: clist } = await this.pools.complaints.query('select complaint_id, version from complaint_list_v1 where complaint_id = any($1)', [[...complaints.keys()]]);
    const complaintVersions = new Map(clist.map((r) => [r.complaint_id, r.version]));
    for (const [id, version] of complaints) if (!(complaintVersions.get(id) >= version)) behind.push(`complaints list ${id}@${version}`);
    return behind;
  }

  async deadLetters(service, consumerId) {
    const { rows } = await this.pools[service].query('select count(*)::int as n from es_dead_letters where consumer_id = $1', [consumerId]);
    return rows[0].n;
  }

  async close() {
    await Promise.all(Object.values(this.pools).map((p) => p.end().catch(() => undefined)));
  }
}
