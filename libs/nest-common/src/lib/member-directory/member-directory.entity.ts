import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What a service knows of a member, projected from members' public events (never by calling members). */
@Entity({ name: 'member_directory' })
export class MemberDirectoryRow {
  @PrimaryColumn({ name: 'member_id', type: 'text' }) memberId: string;
  @Column({ name: 'member_no', type: 'text', nullable: true }) memberNo: string | null;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) status: string;
  @Column({ name: 'store_id', type: 'text' }) storeId: string;
  @Column({ type: 'text', nullable: true }) tier: string | null;
  /** Stream version of the last member event applied: older or repeated deliveries are ignored. */
  @Column({ name: 'source_version', type: 'int' }) sourceVersion: number;
}
