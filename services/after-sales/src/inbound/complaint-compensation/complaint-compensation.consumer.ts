import { Injectable } from '@nestjs/common';
import { ComplaintCompensationGrantedV1, complaintCompensationGrantedV1, type IntegrationEnvelope } from '@cs/contracts';
import { DomainError, type Actor } from '@cs/eventstore';
import { PermanentMessageError, RpcError, validatePayload } from '@cs/messaging';
import { RepairErrorCodes } from '../../repair/repair.errors.js';
import { ReturnRequestErrorCodes } from '../../return-request/return-request.errors.js';
import { RequestFiling, type Filing } from '../../rpc/request-filing.js';

export const COMPLAINT_COMPENSATION_CONSUMER = 'after-sales__complaint-compensation';
export const COMPLAINT_COMPENSATION_SUBJECT = complaintCompensationGrantedV1.subject;

const COMPENSATION_DESK: Actor = { id: 'system:complaint-compensation', role: 'system', name: 'Complaint compensation' };
const TYPE_OF_KIND: Record<string, Filing['type'] | undefined> = { refund: 'return', exchange: 'exchange', repair: 'repair' };
const ALREADY_FILED: string[] = [ReturnRequestErrorCodes.ALREADY_EXISTS, RepairErrorCodes.ALREADY_EXISTS];

/** One grant, one request: the id is derived from the grant, so a redelivery finds it filed. */
export const compensationRequestId = (complaintId: string, solutionNo: number) => `cc-${complaintId}-${solutionNo}`;

/**
 * A complaint's refund, exchange or repair compensation opens a linked after-sales request exactly
 * once per grant. Gifts and vouchers are not ours. A payload that breaks the contract, or names a
 * store nobody knows, can never succeed: it is dead-lettered.
 */
@Injectable()
export class ComplaintCompensationConsumer {
  constructor(private readonly filing: RequestFiling) {}

  async apply(envelope: IntegrationEnvelope): Promise<void> {
    if (envelope.type !== complaintCompensationGrantedV1.type || envelope.version !== complaintCompensationGrantedV1.version) return;
    const grant = await validatePayload(ComplaintCompensationGrantedV1, envelope.data).catch((error: unknown) => {
      throw new PermanentMessageError(`ComplaintCompensationGranted v1 failed validation: ${(error as Error).message}`);
    });
    const type = TYPE_OF_KIND[grant.kind];
    if (!type) return;
    const requestId = compensationRequestId(grant.complaintId, grant.solutionNo);
    const filing: Filing = {
      requestId,
      type,
      storeId: grant.storeId,
      memberId: grant.memberId,
      items: [],
      reason: 'other',
      description: `Compensation granted by complaint ${grant.complaintId}, solution ${grant.solutionNo}`,
      warranty: 'unknown',
      origin: 'complaint_compensation',
      compensation: { complaintId: grant.complaintId, solutionNo: grant.solutionNo, amount: type === 'return' ? grant.amount : undefined },
      linkedComplaintId: grant.complaintId,
      serviceMode: type === 'repair' ? 'carry_in' : undefined,
    };
    const ctx = { subject: `inbound:${COMPLAINT_COMPENSATION_SUBJECT}`, correlationId: envelope.correlationId ?? envelope.id, actor: COMPENSATION_DESK };
    try {
      await this.filing.file(filing, COMPENSATION_DESK, ctx, grant);
    } catch (error) {
      if (error instanceof DomainError && ALREADY_FILED.includes(error.code)) return;
      if ((error instanceof DomainError && error.kind !== 'conflict') || (error instanceof RpcError && error.kind === 'validation')) {
        throw new PermanentMessageError(`${envelope.type} ${envelope.id}: ${(error as Error).message}`);
      }
      throw error;
    }
  }
}
