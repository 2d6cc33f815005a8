import { Injectable } from '@nestjs/common';
import {
  ChangeMemberContactCommand,
  CloseMembershipCommand,
  RecordIdentityCheckCommand,
  UpdateMemberConsentCommand,
  UpdateMemberPreferencesCommand,
} from '@cs/contracts';
import { DomainError, isUniqueViolation, type RecordedEvent } from '@cs/eventstore';
import { requireActor, validatePayload, type RpcContext } from '@cs/messaging';
import { consumed, maskMobile, runCommand, ServiceHost, type CommandReply } from '@cs/nest-common';
import { OrgDirectory } from '@cs/org';
import type { PoolClient } from 'pg';
import type { MemberCommand } from '../member/member.commands.js';
import type { MemberClosed, MemberContactChanged } from '../member/member.events.js';
import type { MemberState } from '../member/member.state.js';
import { assertMemberVisible } from './member-access.js';
import { mobileHash } from './member-commands.handler.js';
import { memberStream } from './member-stream.js';

/**
 * Keeps the mobile index in step with the events in their own transaction: a new number is
 * claimed (a number of another member is a 409) and the old one freed; a closure frees it too.
 */
async function syncMobileIndex(client: PoolClient, events: readonly RecordedEvent[], memberId: string): Promise<void> {
  for (const e of events) {
    if (e.type === 'MemberContactChanged') {
      const d = e.data as MemberContactChanged['data'];
      if (!d.changes.mobile) continue;
      await client.query('insert into member_mobile_index (mobile_hash, member_id) values ($1, $2)', [mobileHash(d.changes.mobile), memberId]);
      if (d.previousMobile) await client.query('delete from member_mobile_index where mobile_hash = $1 and member_id = $2', [mobileHash(d.previousMobile), memberId]);
    }
    if (e.type === 'MemberClosed') {
      const d = e.data as MemberClosed['data'];
      await client.query('delete from member_mobile_index where mobile_hash = $1 and member_id = $2', [mobileHash(d.mobile), memberId]);
    }
  }
}

/** Profile upkeep of an active member, identity checks and closure (`/v1/members/{id}/…`). */
@Injectable()
export class MemberProfileHandler {
  constructor(
    private readonly host: ServiceHost,
    private readonly org: OrgDirectory,
  ) {}

  async changeContact(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const request = await validatePayload(ChangeMemberContactCommand, payload);
    const { memberId, mobile, email, postalAddress, ...rest } = request;
    consumed(rest);
    try {
      return await this.run(memberId, ctx, request, (base) => ({ type: 'ChangeMemberContact', ...base, mobile, email, postalAddress }));
    } catch (error) {
      if (isUniqueViolation(error, 'member_mobile_index_pkey')) {
        throw new DomainError('MOBILE_ALREADY_REGISTERED', `Mobile ${maskMobile(mobile ?? '')} already belongs to a member`, 'conflict');
      }
      throw error;
    }
  }

  async updatePreferences(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const request = await validatePayload(UpdateMemberPreferencesCommand, payload);
    const { memberId, preferences, ...rest } = request;
    consumed(rest);
    return this.run(memberId, ctx, request, (base) => ({ type: 'UpdateMemberPreferences', ...base, preferences: { styles: preferences.styles, sizes: preferences.sizes, colours: preferences.colours } }));
  }

  async updateConsent(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const request = await validatePayload(UpdateMemberConsentCommand, payload);
    const { memberId, marketingConsent, ...rest } = request;
    consumed(rest);
    const { sms, post, phone } = marketingConsent;
    return this.run(memberId, ctx, request, (base) => ({ type: 'UpdateMarketingConsent', ...base, marketingConsent: { sms, post, phone } }));
  }

  async recordIdentityCheck(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const request = await validatePayload(RecordIdentityCheckCommand, payload);
    const { memberId, method, passed, caseRef, ...rest } = request;
    consumed(rest);
    return this.run(memberId, ctx, request, (base) => ({ type: 'RecordIdentityCheck', ...base, method, passed, caseRef }));
  }

  async close(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const request = await validatePayload(CloseMembershipCommand, payload);
    const { memberId, reason, ...rest } = request;
    consumed(rest);
    return this.run(memberId, ctx, request, (base) => ({ type: 'CloseMembership', ...base, reason }));
  }

  private run(
    memberId: string,
    ctx: RpcContext,
    request: unknown,
    build: (base: { memberId: string; now: string; actor: ReturnType<typeof requireActor> }) => MemberCommand,
  ): Promise<CommandReply> {
    const base = { memberId, now: this.host.clock.now().toISOString(), actor: requireActor(ctx) };
    return runCommand(
      this.host,
      memberId,
      memberStream.spec(memberId),
      (state: MemberState) => {
        if (state) assertMemberVisible(this.org, ctx.actor, state);
        return build(base);
      },
      ctx,
      { request, inline: (client, events) => syncMobileIndex(client, events, memberId), toResult: (state) => ({ status: state?.status }) },
    );
  }
}
