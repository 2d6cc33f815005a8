import { Injectable } from '@nestjs/common';
import { ListNotificationsQuery, TeamQueueQuery } from '@cs/contracts';
import { validatePayload, type RpcContext } from '@cs/messaging';
import { ServiceHost } from '@cs/nest-common';
import { OrgDirectory } from '@cs/org';
import { complaintLifecycle } from '../complaint/complaint.lifecycle.js';
import { requireStaff, storeScope } from './team-access.js';

interface QueueRow {
  complaint_id: string;
  complaint_no: string;
  store_id: string;
  region_id: string | null;
  severity: string;
  status: string;
  category: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  escalation_level: string;
  next_due_at: Date | null;
  first_response_breached: boolean;
  resolution_breached: boolean;
  version: number;
}

const queueItem = (r: QueueRow) => ({
  id: r.complaint_id,
  complaintNo: r.complaint_no,
  storeId: r.store_id,
  regionId: r.region_id,
  severity: r.severity,
  status: r.status,
  category: r.category,
  assigneeId: r.assignee_id,
  assigneeName: r.assignee_name,
  escalationLevel: r.escalation_level,
  nextDueAt: r.next_due_at?.toISOString() ?? null,
  breached: r.first_response_breached || r.resolution_breached,
  version: r.version,
});

/** Open work, soonest due first, then the most severe (P1 before P3). */
const ORDER = 'order by next_due_at asc nulls last, severity asc, complaint_id';

/** Work queues and alerts (R2, R16, R17, R46): "my queue", the team's queue per store or region, and the caller's notifications. */
@Injectable()
export class QueuesHandler {
  constructor(
    private readonly host: ServiceHost,
    private readonly org: OrgDirectory,
  ) {}

  async notifications(payload: unknown, ctx: RpcContext) {
    const actor = requireStaff(ctx);
    const q = await validatePayload(ListNotificationsQuery, payload);
    const rows = (await this.host.dataSource.query(
      `select * from complaint_notification_v1 where recipient_id = $1 order by created_at desc, notification_id limit $2`,
      [actor.id, q.limit ?? 50],
    )) as Array<Record<string, unknown>>;
    return {
      items: rows.map((r) => ({
        id: r['notification_id'],
        kind: r['kind'],
        recipientRole: r['recipient_role'],
        complaintId: r['complaint_id'],
        storeId: r['store_id'],
        severity: r['severity'],
        title: r['title'],
        body: r['body'],
        dueAt: (r['due_at'] as Date | null)?.toISOString() ?? null,
        createdAt: (r['created_at'] as Date).toISOString(),
      })),
    };
  }

  async mine(payload: unknown, ctx: RpcContext) {
    const actor = requireStaff(ctx);
    const q = await validatePayload(ListNotificationsQuery, payload);
    const rows = (await this.host.dataSource.query(
      `select * from complaint_list_v1 where assignee_id = $1 and status = any($2::text[]) and merged_into is null ${ORDER} limit $3`,
      [actor.id, [...complaintLifecycle.open], q.limit ?? 50],
    )) as QueueRow[];
    return { items: rows.map(queueItem) };
  }

  async team(payload: unknown, ctx: RpcContext) {
    const actor = requireStaff(ctx);
    const q = await validatePayload(TeamQueueQuery, payload);
    const params: unknown[] = [[...complaintLifecycle.open]];
    const where = ['status = any($1::text[])', 'merged_into is null', storeScope(this.org, actor, 'store_id', params)];
    if (q.storeId) {
      params.push(q.storeId);
      where.push(`store_id = $${params.length}`);
    }
    if (q.regionId) {
      params.push(q.regionId);
      where.push(`region_id = $${params.length}`);
    }
    params.push(q.limit ?? 50);
    const rows = (await this.host.dataSource.query(`select * from complaint_list_v1 where ${where.join(' and ')} ${ORDER} limit $${params.length}`, params)) as QueueRow[];
    return { items: rows.map(queueItem) };
  }
}
