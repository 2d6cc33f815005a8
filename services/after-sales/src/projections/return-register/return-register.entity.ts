import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The return register (退换货登记表, R67): one line per returned item line, per store, with the
 * problem, quantity, model and return waybill, so stock and losses can be counted.
 */
@Entity({ name: 'return_register_v1' })
export class ReturnRegisterRow {
  /** `<requestId>:<line number>`: the keyset id of the register's pages. */
  @PrimaryColumn({ name: 'line_id', type: 'text' }) lineId: string;
  @Column({ name: 'request_id', type: 'text' }) requestId: string;
  @Column({ type: 'text' }) sku: string;
  @Column({ name: 'store_id', type: 'text' }) storeId: string;
  @Column({ name: 'request_type', type: 'text' }) requestType: string;
  @Column({ name: 'order_ref', type: 'text', nullable: true }) orderRef: string | null;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text', nullable: true }) size: string | null;
  @Column({ type: 'text', nullable: true }) colour: string | null;
  @Column({ type: 'int' }) quantity: number;
  @Column({ name: 'unit_price', type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) unitPrice: number;
  @Column({ type: 'text' }) reason: string;
  @Column({ type: 'text' }) problem: string;
  @Column({ name: 'waybill_no', type: 'text', nullable: true }) waybillNo: string | null;
  /** Where the goods stand: requested, received, restocked, sent_back, cancelled, rejected. */
  @Column({ type: 'text' }) disposition: string;
  @Column({ name: 'requested_at', type: 'timestamptz' }) requestedAt: Date;
  @Column({ type: 'int' }) version: number;
}
