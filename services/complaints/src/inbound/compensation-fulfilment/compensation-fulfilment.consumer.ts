import { Injectable } from '@nestjs/common';
import {
  AfterSalesCompletedV1,
  afterSalesCompletedV1,
  GiftEntitlementIssuedV1,
  giftEntitlementIssuedV1,
  GiftIssuedV1,
  giftIssuedV1,
  type IntegrationEnvelope,
} from '@cs/contracts';
import { DomainError, handleCommand, type Actor } from '@cs/eventstore';
import { contractData, PermanentMessageError } from '@cs/messaging';
import { ServiceHost } from '@cs/nest-common';
import type { RecordCompensationFulfilled } from '../../complaint/complaint.commands.js';
import { ComplaintErrorCodes } from '../../complaint/complaint.errors.js';
import type { FulfilmentSource } from '../../complaint/complaint.values.js';
import { complaintStream } from '../../rpc/complaint-stream.js';

const INBOUND: Actor = { id: 'system:compensation-fulfilment', role: 'system', name: 'Compensation fulfilment' };

export const GIFTS_FULFILMENT_CONSUMER = 'complaints__gift-fulfilment';
export const AFTER_SALES_FULFILMENT_CONSUMER = 'complaints__after-sales-fulfilment';

/** A hand-over another service reported for a complaint's compensation, or nothing. */
export interface FulfilmentReport {
  complaintId: string;
  source: FulfilmentSource;
  ref: string;
  fulfilledAt: string;
  storeId?: string;
}

/**
 * Marks a granted compensation fulfilled when the service that hands it over says so: gifts
 * issued a compensation gift or voucher; after-sales completed the refund, exchange or repair
 * linked to the complaint. The command id derives from the message, and the decider records a
 * record of theirs once, so redelivery changes nothing.
 */
@Injectable()
export class CompensationFulfilmentConsumer {
  constructor(private readonly host: ServiceHost) {}

  async gifts(envelope: IntegrationEnvelope): Promise<void> {
    const report = await giftsReport(envelope);
    if (report) await this.record(envelope, report, { optional: false });
  }

  async afterSales(envelope: IntegrationEnvelope): Promise<void> {
    if (envelope.type !== afterSalesCompletedV1.type || envelope.version !== afterSalesCompletedV1.version) return;
    const e = await contractData(AfterSalesCompletedV1, envelope);
    if (!e.linkedComplaintId) return;
    // a return may name a complaint without being its compensation: then there is nothing to mark
    await this.record(envelope, { complaintId: e.linkedComplaintId, source: 'after-sales', ref: e.requestId, fulfilledAt: e.completedAt, storeId: e.storeId }, { optional: true });
  }

  private async record(envelope: IntegrationEnvelope, r: FulfilmentReport, { optional }: { optional: boolean }): Promise<void> {
    const command: RecordCompensationFulfilled = {
      type: 'RecordCompensationFulfilled',
      complaintId: r.complaintId,
      source: r.source,
      ref: r.ref,
      fulfilledAt: r.fulfilledAt,
      storeId: r.storeId,
      now: this.host.clock.now().toISOString(),
      actor: INBOUND,
    };
    try {
      await handleCommand(this.host.store, complaintStream.spec(r.complaintId), command, {
        commandId: `inbound:${envelope.id}`,
        metadata: { actor: INBOUND, occurredAt: command.now, causationId: envelope.id, correlationId: envelope.correlationId },
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (optional && error.code === ComplaintErrorCodes.COMPENSATION_NOT_GRANTED) return;
      // the other service names a complaint or a compensation this service does not have: an operator's case
      throw new PermanentMessageError(`${envelope.type} ${envelope.id}: ${error.code}: ${error.message}`);
    }
  }
}

async function giftsReport(envelope: IntegrationEnvelope): Promise<FulfilmentReport | undefined> {
  if (envelope.version !== 1) return undefined;
  if (envelope.type === giftIssuedV1.type) {
    const e = await contractData(GiftIssuedV1, envelope);
    if (e.reason !== 'complaint_compensation' || !e.complaintId) return undefined;
    return { complaintId: e.complaintId, source: 'gifts', ref: e.issuanceId, fulfilledAt: e.issuedAt };
  }
  if (envelope.type === giftEntitlementIssuedV1.type) {
    const e = await contractData(GiftEntitlementIssuedV1, envelope);
    if (e.source !== 'complaint_compensation' || !e.sourceRef) return undefined;
    return { complaintId: e.sourceRef, source: 'gifts', ref: e.entitlementId, fulfilledAt: e.issuedAt };
  }
  return undefined;
}
