import { Inject, Injectable } from '@nestjs/common';
import { ServiceHost } from '@cs/nest-common';
import { COMPLAINTS_CONFIG } from '../complaints.tokens.js';
import type { ComplaintsConfig } from '../config/complaints.config.js';
import type { PriorComplaint } from '../complaint/complaint.commands.js';
import type { ComplaintSeverity } from '../complaint/complaint.values.js';

/** Finds the latest earlier complaint by the same member in the same category within the window. */
@Injectable()
export class RepeatFinder {
  constructor(
    private readonly host: ServiceHost,
    @Inject(COMPLAINTS_CONFIG) private readonly config: ComplaintsConfig,
  ) {}

  async find(memberId: string, category: string, excludeComplaintId: string, now: string): Promise<PriorComplaint | undefined> {
    const since = new Date(Date.parse(now) - this.config.repeatWindowDays * 86_400_000);
    const { rows } = await this.host.pool.query<{ complaint_id: string; severity: ComplaintSeverity }>(
      `select complaint_id, severity from complaint_list_v1
        where member_id = $1 and category = $2 and complaint_id <> $3 and received_at >= $4 and status not in ('closed_invalid')
        order by received_at desc limit 1`,
      [memberId, category, excludeComplaintId, since],
    );
    return rows.length ? { complaintId: rows[0].complaint_id, severity: rows[0].severity } : undefined;
  }
}
