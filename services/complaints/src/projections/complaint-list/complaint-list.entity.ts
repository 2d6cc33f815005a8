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
  @Column({ type: 'int' }) version: number;
}
