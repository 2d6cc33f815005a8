import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per request, returns, exchanges and repairs alike: lists, filters and the overdue view read it. */
@Entity({ name: 'after_sales_list_v1' })
export class AfterSalesListRow {
  @PrimaryColumn({ name: 'request_id', type: 'text' }) requestId: string;
  @Column({ type: 'text' }) type: string;
  @Column({ type: 'text' }) status: string;
  @Column({ name: 'store_id', type: 'text' }) storeId: string;
  @Column({ name: 'region_id', type: 'text', nullable: true }) regionId: string | null;
  @Column({ name: 'member_id', type: 'text', nullable: true }) memberId: string | null;
  @Column({ name: 'order_ref', type: 'text', nullable: true }) orderRef: string | null;
  @Column({ type: 'text' }) reason: string;
  @Column({ type: 'text' }) origin: string;
  @Column({ name: 'service_mode', type: 'text', nullable: true }) serviceMode: string | null;
  @Column({ name: 'linked_complaint_id', type: 'text', nullable: true }) linkedComplaintId: string | null;
  @Column({ name: 'requested_at', type: 'timestamptz' }) requestedAt: Date;
  @Column({ name: 'window_ends_at', type: 'timestamptz', nullable: true }) windowEndsAt: Date | null;
  /** The repair clock's due instant (visit or turnaround). */
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true }) dueAt: Date | null;
  @Column({ name: 'clock_stopped_at', type: 'timestamptz', nullable: true }) clockStoppedAt: Date | null;
  @Column({ type: 'boolean' }) breached: boolean;
  @Column({ name: 'refunded_total', type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) refundedTotal: number;
  @Column({ type: 'int' }) version: number;
}
