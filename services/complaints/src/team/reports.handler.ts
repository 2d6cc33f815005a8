import { Inject, Injectable } from '@nestjs/common';
import { ComplaintReportQuery } from '@cs/contracts';
import { validatePayload, type RpcContext } from '@cs/messaging';
import { ServiceHost } from '@cs/nest-common';
import { OrgDirectory } from '@cs/org';
import { COMPLAINTS_TEAM_CONFIG, type ComplaintsTeamConfig } from '../config/team.config.js';
import { complaintReport, type ReportCallback, type ReportComplaint, type ReportSampling, type ReportStaffComplaint } from '../reports/complaint-report.js';
import { periodWindow } from '../reports/report-period.js';
import { requireRole, requireStaff, storeScope } from './team-access.js';

const REPORT_ROLES = ['store_manager', 'hq_cs_manager', 'hq_cs_agent', 'hq_qa', 'general_manager', 'analyst', 'admin'];
const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** `GET /v1/reports/complaints` (§1.7.5): figures for a day, a week to Friday, or a month, from the read models. */
@Injectable()
export class ReportsHandler {
  constructor(
    private readonly host: ServiceHost,
    private readonly org: OrgDirectory,
    @Inject(COMPLAINTS_TEAM_CONFIG) private readonly config: ComplaintsTeamConfig,
  ) {}

  async complaints(payload: unknown, ctx: RpcContext) {
    const actor = requireStaff(ctx);
    requireRole(actor, REPORT_ROLES, 'read complaint reports');
    const q = await validatePayload(ComplaintReportQuery, payload);
    const w = periodWindow(q.period, q.from, this.config.utcOffsetMinutes);
    const filter = (column: string, params: unknown[]): string => {
      const parts = [storeScope(this.org, actor, `${column}store_id`, params)];
      if (q.storeId) {
        params.push(q.storeId);
        parts.push(`${column}store_id = $${params.length}`);
      }
      if (q.regionId) {
        params.push(q.regionId);
        parts.push(`${column}region_id = $${params.length}`);
      }
      return parts.join(' and ');
    };
    const cp: unknown[] = [w.fromAt, w.toAt];
    const complaints = (await this.host.dataSource.query(
      `select * from complaint_list_v1 where received_at >= $1 and received_at < $2 and ${filter('', cp)}`,
      cp,
    )) as Array<Record<string, unknown>>;
    const sp: unknown[] = [w.fromAt, w.toAt];
    const staff = (await this.host.dataSource.query(
      `select filed_at, store_id, region_id, outcome from staff_complaint_list_v1 where filed_at >= $1 and filed_at < $2 and ${filter('', sp)}`,
      sp,
    )) as Array<{ filed_at: Date; store_id: string; region_id: string | null; outcome: ReportStaffComplaint['outcome'] }>;
    const bp: unknown[] = [w.fromAt, w.toAt];
    const callbacks = (await this.host.dataSource.query(
      `select store_id, region_id, due_at, status, sampled from callback_list_v1 where due_at >= $1 and due_at < $2 and ${filter('', bp)}`,
      bp,
    )) as Array<{ store_id: string; region_id: string | null; due_at: Date; status: string; sampled: boolean }>;
    const months = [...new Set([w.firstDay.slice(0, 7), w.lastDay.slice(0, 7)])];
    const mp: unknown[] = [months];
    const regionStores = q.regionId ? this.org.listStores().filter((s) => s.regionId === q.regionId).map((s) => s.storeId) : null;
    const sampling = ((await this.host.dataSource.query(
      `select store_id, population, sampled from callback_sampling_v1 where month = any($1::text[]) and ${storeScope(this.org, actor, 'store_id', mp)}`,
      mp,
    )) as Array<{ store_id: string; population: number; sampled: number }>).filter((s) => (!q.storeId || s.store_id === q.storeId) && (!regionStores || regionStores.includes(s.store_id)));
    const report = complaintReport(w, {
      complaints: complaints.map(
        (r): ReportComplaint => ({
          complaintId: r['complaint_id'] as string,
          storeId: r['store_id'] as string,
          regionId: (r['region_id'] as string | null) ?? null,
          category: (r['category'] as string | null) ?? null,
          source: r['source'] as string,
          channel: r['channel'] as string,
          severity: r['severity'] as string,
          receivedAt: (r['received_at'] as Date).toISOString(),
          firstResponseWithinSla: (r['first_response_within_sla'] as boolean | null) ?? null,
          resolvedAt: iso(r['resolved_at'] as Date | null),
          resolutionWithinSla: (r['resolution_within_sla'] as boolean | null) ?? null,
          repeat: r['repeat_of_complaint_id'] !== null,
          escalated: r['escalated'] === true,
          merged: r['merged_into'] !== null,
        }),
      ),
      staffComplaints: staff.map((s) => ({ filedAt: s.filed_at.toISOString(), storeId: s.store_id, regionId: s.region_id, outcome: s.outcome })),
      callbacks: callbacks.map((c): ReportCallback => ({ storeId: c.store_id, regionId: c.region_id, dueAt: c.due_at.toISOString(), status: c.status, sampled: c.sampled })),
      sampling: sampling.map((s): ReportSampling => ({ storeId: s.store_id, population: s.population, sampled: s.sampled })),
    });
    return { ...report, storeId: q.storeId ?? null, regionId: q.regionId ?? null };
  }
}
