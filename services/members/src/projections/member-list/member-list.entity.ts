import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One row per member: what lists, search and the daily review queue read. */
@Entity({ name: 'member_list_v1' })
@Index(['status', 'submittedDate'])
export class MemberListRow {
  @PrimaryColumn({ name: 'member_id', type: 'text' }) memberId: string;
  @Column({ name: 'member_no', type: 'text', nullable: true }) memberNo: string | null;
  @Column({ name: 'store_id', type: 'text' }) storeId: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) mobile: string;
  @Column({ type: 'text' }) status: string;
  @Column({ type: 'text' }) tier: string;
  @Column({ name: 'missing_fields', type: 'jsonb', default: () => "'[]'" }) missingFields: string[];
  /** Profile fields on file (not their values), for the periodic completeness check (R97). */
  @Column({ name: 'present_fields', type: 'jsonb', default: () => "'[]'" }) presentFields: string[];
  @Column({ name: 'submitted_at', type: 'timestamptz' }) submittedAt: Date;
  @Column({ name: 'submitted_date', type: 'date' }) submittedDate: string;
  @Column({ name: 'activated_at', type: 'timestamptz', nullable: true }) activatedAt: Date | null;
  @Column({ type: 'int' }) version: number;
}
