import { Inject, Injectable } from '@nestjs/common';
import {
  AfterSalesCompletedV1,
  afterSalesCompletedV1,
  BirthdayGiftDueV1,
  birthdayGiftDueV1,
  MemberChurnedV1,
  memberChurnedV1,
  MembershipExpiringV1,
  membershipExpiringV1,
  type IntegrationEnvelope,
} from '@cs/contracts';
import { DomainError, handleCommand, type Actor } from '@cs/eventstore';
import { CallbackErrorCodes } from '../../callback/callback.errors.js';
import { contractData } from '@cs/messaging';
import { ServiceHost, type OrmTx } from '@cs/nest-common';
import type { ScheduleCallback } from '../../callback/callback.commands.js';
import type { CallbackKind } from '../../callback/callback.values.js';
import { callbackDueAt, COMPLAINTS_TEAM_CONFIG, type ComplaintsTeamConfig } from '../../config/team.config.js';
import { callbackStream } from '../../team/team-streams.js';

const INBOUND: Actor = { id: 'system:callback-sources', role: 'system', name: 'Call-back sources' };

export const AFTER_SALES_CALLBACKS_CONSUMER = 'complaints__after-sales-callbacks';
export const MEMBER_CALLBACKS_CONSUMER = 'complaints__member-callbacks';

/** The call-back one inbound event asks for, or nothing. Pure: ids derive from the source, so a redelivery asks for the same one. */
export interface CallbackRequest {
  callbackId: string;
  kind: CallbackKind;
  sourceRef: string;
  storeId: string;
  memberId: string;
  dueAt: string;
  now: string;
}

/**
 * Call-backs owed because of other services' events (§1.7.2): after-sales completed (售后回访,
 * due when after-sales says), a membership expiring (before the expiry), a churned member, and a
 * VIP's birthday call on the day. Each call-back is created once: its id derives from the source
 * and the command id from the message, so redelivery and replays create nothing twice.
 */
@Injectable()
export class CallbackSourcesConsumer {
  constructor(
    private readonly host: ServiceHost,
    @Inject(COMPLAINTS_TEAM_CONFIG) private readonly config: ComplaintsTeamConfig,
  ) {}

  async afterSales(envelope: IntegrationEnvelope, tx: OrmTx): Promise<void> {
    if (envelope.type !== afterSalesCompletedV1.type || envelope.version !== afterSalesCompletedV1.version) return;
    const e = await contractData(AfterSalesCompletedV1, envelope);
    await tx.query(
      `insert into after_sales_completion_v1 (request_id, store_id, member_id, completed_at) values ($1, $2, $3, $4) on conflict (request_id) do nothing`,
      [e.requestId, e.storeId, e.memberId ?? null, e.completedAt],
    );
    if (!e.memberId) return;
    await this.schedule(envelope, { callbackId: `after-sales-${e.requestId}`, kind: 'after_sales', sourceRef: e.requestId, storeId: e.storeId, memberId: e.memberId, dueAt: e.callbackDueAt, now: e.completedAt });
  }

  async members(envelope: IntegrationEnvelope): Promise<void> {
    const request = await this.memberRequest(envelope);
    if (request) await this.schedule(envelope, request);
  }

  private async memberRequest(envelope: IntegrationEnvelope): Promise<CallbackRequest | undefined> {
    if (envelope.version !== 1) return undefined;
    switch (envelope.type) {
      case membershipExpiringV1.type: {
        const e = await contractData(MembershipExpiringV1, envelope);
        const due = callbackDueAt(this.config, 'expiring_member', e.noticedAt);
        // before the expiry, whatever the configured delay
        const dueAt = Date.parse(due) < Date.parse(e.expiresAt) ? due : e.noticedAt;
        return { callbackId: `expiring-${e.memberId}-${e.expiresAt.slice(0, 10)}`, kind: 'expiring_member', sourceRef: e.memberId, storeId: e.storeId, memberId: e.memberId, dueAt, now: e.noticedAt };
      }
      case memberChurnedV1.type: {
        const e = await contractData(MemberChurnedV1, envelope);
        return { callbackId: `churned-${e.memberId}-${e.markedAt.slice(0, 10)}`, kind: 'lost_member', sourceRef: e.memberId, storeId: e.storeId, memberId: e.memberId, dueAt: callbackDueAt(this.config, 'lost_member', e.markedAt), now: e.markedAt };
      }
      case birthdayGiftDueV1.type: {
        const e = await contractData(BirthdayGiftDueV1, envelope);
        const vip = e.callOnTheDay ?? (e.tier !== undefined && this.config.vipTiers.includes(e.tier));
        if (!vip) return undefined;
        // the call is on the birthday itself, at 10:00 local
        const dueAt = e.birthday ? new Date(Date.parse(`${e.birthday}T10:00:00.000Z`) - this.config.utcOffsetMinutes * 60_000).toISOString() : e.dueAt;
        const year = (e.birthday ?? e.dueAt).slice(0, 4);
        return { callbackId: `birthday-${e.memberId}-${year}`, kind: 'birthday_greeting', sourceRef: e.memberId, storeId: e.storeId, memberId: e.memberId, dueAt, now: envelope.occurredAt };
      }
      default:
        return undefined;
    }
  }

  private async schedule(envelope: IntegrationEnvelope, r: CallbackRequest): Promise<void> {
    const command: ScheduleCallback = {
      type: 'ScheduleCallback',
      callbackId: r.callbackId,
      kind: r.kind,
      sourceRef: r.sourceRef,
      storeId: r.storeId,
      memberId: r.memberId,
      dueAt: r.dueAt,
      maxAttempts: this.config.callbackMaxAttempts,
      now: r.now,
      actor: INBOUND,
    };
    const existing = await callbackStream.load(this.host, r.callbackId);
    if (existing.state) return;
    try {
      await handleCommand(this.host.store, callbackStream.spec(r.callbackId), command, {
        commandId: `inbound:${envelope.id}`,
        metadata: { actor: INBOUND, occurredAt: r.now, causationId: envelope.id, correlationId: envelope.correlationId },
      });
    } catch (error) {
      // Another message asked for the same call-back first: it exists, which is what this one wants.
      if (!(error instanceof DomainError && error.code === CallbackErrorCodes.ALREADY_EXISTS)) throw error;
    }
    this.host.poke();
  }
}
