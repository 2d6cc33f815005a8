import { createHash } from 'node:crypto';
import { ComplaintCompensationGrantedV1, complaintCompensationGrantedV1, type IntegrationEnvelope } from '@cs/contracts';
import { DomainError, handleCommand, type Actor } from '@cs/eventstore';
import { contractData, PermanentMessageError } from '@cs/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { ServiceHost } from '@cs/nest-common';
import { streams } from '../../app/streams.js';
import type { GiftsConfig } from '../../config/gifts.config.js';
import { GIFTS_CONFIG } from '../../gifts.tokens.js';
import { daysAfter, entitlementCode } from '../../rpc/entitlement.handler.js';

export const COMPENSATION_CONSUMER = 'gifts__complaint-compensation';
const CONSUMER: Actor = { id: 'system:complaint-compensation', role: 'system', name: 'Complaint compensation' };

/**
 * A granted gift compensation becomes an instruction to the store (the complaint's compensation
 * account); a voucher becomes an entitlement whose code derives from (complaint, solution). Both
 * are exactly once under redelivery: the account ignores a solution it has, the code exists already.
 */
@Injectable()
export class CompensationConsumer {
  constructor(
    private readonly host: ServiceHost,
    @Inject(GIFTS_CONFIG) private readonly config: GiftsConfig,
  ) {}

  async handle(envelope: IntegrationEnvelope): Promise<void> {
    const { host, config } = this;
    if (envelope.type !== complaintCompensationGrantedV1.type || envelope.version !== complaintCompensationGrantedV1.version) return;
    const grant = await contractData(ComplaintCompensationGrantedV1, envelope);
    const now = host.clock.now().toISOString();
    const metadata = { actor: CONSUMER, occurredAt: now, causationId: envelope.id, correlationId: envelope.correlationId };
    try {
      if (grant.kind === 'gift') {
        await handleCommand(host.store, streams.compensation(grant.complaintId), {
          type: 'RecordCompensationGrant',
          complaintId: grant.complaintId,
          solutionNo: grant.solutionNo,
          storeId: grant.storeId,
          memberId: grant.memberId,
          sku: grant.giftSku,
          quantity: grant.quantity ?? 1,
          grantedAt: grant.grantedAt,
          now,
          actor: CONSUMER,
        }, { metadata });
      } else if (grant.kind === 'voucher') {
        const seed = createHash('sha256').update(`${grant.complaintId}#${grant.solutionNo}`).digest();
        const code = entitlementCode('voucher', seed);
        const validFrom = new Date(grant.grantedAt).toISOString();
        await handleCommand(host.store, streams.entitlement(code), {
          type: 'IssueEntitlement',
          code,
          kind: 'voucher',
          source: 'complaint_compensation',
          sourceRef: grant.complaintId,
          memberId: grant.memberId,
          sku: grant.giftSku,
          validFrom,
          validUntil: daysAfter(validFrom, config.voucherValidityDays),
          now,
          actor: CONSUMER,
        }, { metadata });
      }
    } catch (error) {
      if (error instanceof DomainError && error.code === 'ENTITLEMENT_ALREADY_EXISTS') return;
      if (error instanceof DomainError) throw new PermanentMessageError(`${error.code}: ${error.message}`);
      throw error;
    }
    host.poke();
  }
}
