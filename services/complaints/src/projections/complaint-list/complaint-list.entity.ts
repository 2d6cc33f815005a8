import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per complaint: lists, filters, breach views and repeat detection read it. */
@Entity({ name: 'complaint_list_v1' })
export class ComplaintListRow {
  @PrimaryColumn({ name: 'complaint_id', type: 'text' }) complaintId: string;
  @Column({ name: 'complaint_no', type: 'text' }) complaintNo: string;
  @Column({ name: 'store_id', type: 'text' }) storeId: string;
  @Column({ name: 'region_id', type: 'text', nullable: true }) regionId: string | null;
  @Column({ name: 'member_id', type: 'text', nullable: true }) memberId: string | null;
  @Column({ type: 'text' }) channel: string;
  @Column({ type: 'text' }) source: string;
  @Column({ type: 'text', nullable: true }) category: string | null;
  @Column({ type: 'text' }) severity: string;
  @Column({ type: 'text' }) status: string;
  @Column({ name: 'assignee_id', type: 'text', nullable: true }) assigneeId: string | null;
  @Column({ name: 'escalation_level', type: 'text' }) escalationLevel: string;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt: Date;
  @Column({ name: 'first_response_due_at', type: 'timestamptz' }) firstResponseDueAt: Date;
  @Column({ name: 'resolution_due_at', type: 'timestamptz' }) resolutionDueAt: Date;
  @Column({ name: 'first_response_breached', type: 'boolean' }) firstResponseBreached: boolean;
  @Column({ name: 'resolution_breached', type: 'boolean' }) resolutionBreached: boolean;
  @Column({ name: 'repeat_of_complaint_id', type: 'text', nullable: true }) repeatOfComplaintId: string | null;
  @Column({ name: 'assignee_name', type: 'text', nullable: true }) assigneeName?: string | null;
  /** The next clock's due instant (first response until answered, then resolution); null once settled. Queues order by it. */
  @Column({ name: 'next_due_at', type: 'timestamptz', nullable: true }) nextDueAt?: Date | null;
  @Column({ name: 'first_responded_at', type: 'timestamptz', nullable: true }) firstRespondedAt?: Date | null;
  @Column({ name: 'first_response_within_sla', type: 'boolean', nullable: true }) firstResponseWithinSla?: boolean | null;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt?: Date | null;
  @Column({ name: 'resolution_within_sla', type: 'boolean', nullable: true }) resolutionWithinSla?: boolean | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt?: Date | null;
  @Column({ type: 'boolean', default: false }) escalated?: boolean;
  @Column({ name: 'merged_into', type: 'text', nullable: true }) mergedInto?: string | null;
  @Column({ name: 'sla_policy_id', type: 'text', nullable: true }) slaPolicyId?: string | null;
  @Column({ type: 'int' }) version: number;
}
