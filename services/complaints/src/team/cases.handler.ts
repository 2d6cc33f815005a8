import { Injectable } from '@nestjs/common';
import { DraftCaseRequest, PublishCaseCommand, SearchCasesQuery } from '@cs/contracts';
import { validatePayload, type RpcContext } from '@cs/messaging';
import { consumed, runCommand, ServiceHost, type CommandReply } from '@cs/nest-common';
import { OrgDirectory } from '@cs/org';
import { CASE_REVIEWER_ROLES } from '../case-entry/case-entry.values.js';
import { complaintStream } from '../rpc/complaint-stream.js';
import { complaintNotFound } from '../complaint/complaint.errors.js';
import { caseIdForComplaint } from '../processes/complaint-follow-up.process.js';
import { requireStaff, requireVisible } from './team-access.js';
import { caseEntryStream } from './team-streams.js';

interface CaseRow {
  case_id: string;
  from_complaint_id: string;
  category: string | null;
  title: string;
  summary: string;
  resolution: string;
  keywords: string[];
  status: string;
  published_at: Date | null;
  version: number;
}

/** The case library (§1.7.4): drafts from closed complaints, the weekly review publishes, agents search by keywords. */
@Injectable()
export class CasesHandler {
  constructor(
    private readonly host: ServiceHost,
    private readonly org: OrgDirectory,
  ) {}

  /** A draft from a closed complaint (one per complaint: closing drafts it already, so this is for complaints closed before). */
  async draft(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const actor = requireStaff(ctx);
    const request = await validatePayload(DraftCaseRequest, payload);
    const { fromComplaintId, title, keywords, ...rest } = request;
    consumed(rest);
    const { state } = await complaintStream.load(this.host, fromComplaintId);
    const c = requireVisible(this.org, actor, state, () => complaintNotFound(fromComplaintId));
    const caseId = caseIdForComplaint(c.complaintId);
    const command = {
      type: 'DraftCaseEntry' as const,
      caseId,
      fromComplaint: {
        complaintId: c.complaintId,
        closed: c.status === 'closed',
        category: c.category,
        storeId: c.storeId,
        regionId: c.regionId,
        description: c.description,
        resolution: c.outcome,
        personalNames: [c.customer?.name, c.assigneeName].filter((n): n is string => !!n),
      },
      title,
      keywords,
      now: this.host.clock.now().toISOString(),
      actor,
    };
    return runCommand(this.host, caseId, caseEntryStream.spec(caseId), command, ctx, { request, toResult: (s) => ({ status: s?.status, title: s?.title }) });
  }

  async publish(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const actor = requireStaff(ctx);
    const request = await validatePayload(PublishCaseCommand, payload);
    const { caseId, note, ...rest } = request;
    consumed(rest);
    const command = { type: 'PublishCaseEntry' as const, caseId, note, now: this.host.clock.now().toISOString(), actor };
    return runCommand(this.host, caseId, caseEntryStream.spec(caseId), command, ctx, { request, toResult: (s) => ({ status: s?.status }) });
  }

  /** Every word of `q` must appear in the title, summary, resolution or keywords; agents see published entries, reviewers any. */
  async search(payload: unknown, ctx: RpcContext) {
    const actor = requireStaff(ctx);
    const q = await validatePayload(SearchCasesQuery, payload);
    const reviewer = (CASE_REVIEWER_ROLES as readonly string[]).includes(actor.role);
    const params: unknown[] = [reviewer ? (q.status ?? null) : 'published'];
    const where = ['($1::text is null or status = $1)'];
    if (q.category) {
      params.push(q.category);
      where.push(`category = $${params.length}`);
    }
    for (const word of (q.q ?? '').toLowerCase().split(/\s+/).filter(Boolean)) {
      params.push(`%${word.replace(/[%_\\]/g, (m) => `\\${m}`)}%`, word);
      where.push(`(lower(title || ' ' || summary || ' ' || resolution) like $${params.length - 1} or $${params.length} = any(keywords))`);
    }
    params.push(q.limit ?? 50);
    const rows = (await this.host.dataSource.query(
      `select * from case_library_v1 where ${where.join(' and ')} order by coalesce(published_at, drafted_at) desc, case_id limit $${params.length}`,
      params,
    )) as CaseRow[];
    return {
      items: rows.map((r) => ({
        id: r.case_id,
        fromComplaintId: r.from_complaint_id,
        category: r.category,
        title: r.title,
        summary: r.summary,
        resolution: r.resolution,
        keywords: r.keywords,
        status: r.status,
        publishedAt: r.published_at?.toISOString() ?? null,
        version: r.version,
      })),
    };
  }
}
