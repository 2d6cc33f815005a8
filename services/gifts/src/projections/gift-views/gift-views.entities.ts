import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'gift_catalogue_v1' })
export class GiftCatalogueRow {
  @PrimaryColumn({ type: 'text' }) sku: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) spec: string;
  @Column({ type: 'text' }) unit: string;
  @Column({ name: 'unit_cost', type: 'bigint' }) unitCost: string;
  @Column({ name: 'points_price', type: 'bigint', nullable: true }) pointsPrice: string | null;
  @Column({ type: 'text', nullable: true }) category: string | null;
  @Column({ name: 'min_hq', type: 'int' }) minHq: number;
  @Column({ name: 'min_store', type: 'int' }) minStore: number;
  @Column({ name: 'high_value', type: 'boolean' }) highValue: boolean;
  @Column({ type: 'boolean' }) active: boolean;
  @Column({ type: 'int' }) version: number;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity({ name: 'gift_stock_v1' })
export class GiftStockRow {
  @PrimaryColumn({ name: 'location_id', type: 'text' }) locationId: string;
  @PrimaryColumn({ type: 'text' }) sku: string;
  @Column({ name: 'location_kind', type: 'text' }) locationKind: string;
  @Column({ name: 'on_hand', type: 'int' }) onHand: number;
  @Column({ type: 'int' }) reserved: number;
  @Column({ name: 'in_transit', type: 'int' }) inTransit: number;
  @Column({ name: 'damaged_or_lost', type: 'int' }) damagedOrLost: number;
  @Column({ type: 'int' }) version: number;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity({ name: 'gift_issuances_v1' })
export class GiftIssuanceRow {
  @PrimaryColumn({ name: 'issuance_id', type: 'text' }) issuanceId: string;
  @Column({ name: 'location_id', type: 'text' }) locationId: string;
  @Column({ type: 'text' }) sku: string;
  @Column({ type: 'int' }) quantity: number;
  @Column({ type: 'text' }) reason: string;
  @Column({ name: 'member_id', type: 'text', nullable: true }) memberId: string | null;
  @Column({ name: 'customer_name', type: 'text', nullable: true }) customerName: string | null;
  @Column({ name: 'customer_mobile', type: 'text', nullable: true }) customerMobile: string | null;
  @Column({ name: 'cause_ref', type: 'text', nullable: true }) causeRef: string | null;
  @Column({ name: 'entitlement_code', type: 'text', nullable: true }) entitlementCode: string | null;
  @Column({ name: 'issued_by', type: 'text' }) issuedBy: string;
  @Column({ name: 'issued_at', type: 'timestamptz' }) issuedAt: Date;
  @Column({ type: 'text' }) status: string;
  @Column({ type: 'text', nullable: true }) refusal: string | null;
  @Column({ type: 'int' }) version: number;
}

@Entity({ name: 'gift_documents_v1' })
export class GiftDocumentRow {
  @PrimaryColumn({ type: 'text' }) kind: string;
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ type: 'text' }) status: string;
  @Column({ name: 'location_id', type: 'text', nullable: true }) locationId: string | null;
  @Column({ name: 'member_id', type: 'text', nullable: true }) memberId: string | null;
  @Column({ type: 'text', nullable: true }) period: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ type: 'int' }) version: number;
  @Column({ type: 'jsonb' }) summary: Record<string, unknown>;
}

export const GIFT_VIEW_ENTITIES = [GiftCatalogueRow, GiftStockRow, GiftIssuanceRow, GiftDocumentRow];
