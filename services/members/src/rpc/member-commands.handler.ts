import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError, isUniqueViolation } from '@cs/eventstore';
import { requireActor, validatePayload, type RpcContext } from '@cs/messaging';
import { maskMobile, previousReply, runCommand, ServiceHost, type CommandReply } from '@cs/nest-common';
import { OrgDirectory } from '@cs/org';
import { ReviewMemberCommand, SubmitMemberApplicationRequest, SupplementMemberCommand } from '@cs/contracts';
import type { PoolClient } from 'pg';
import { MEMBERS_CONFIG } from '../members.tokens.js';
import type { MembersConfig } from '../config/members.config.js';
import { formatMemberNo } from '../member/member.policy.js';
import { loadMember, memberSpec } from './member-stream.js';
import { assertMemberVisible } from './member-access.js';

/** Key of the uniqueness index: a hash, so the index itself is no phone directory. */
export const mobileHash = (mobile: string) => createHash('sha256').update(`member-mobile:${mobile}`).digest('hex');

@Injectable()
export class MemberCommandsHandler {
  constructor(
    private readonly host: ServiceHost,
    private readonly org: OrgDirectory,
    @Inject(MEMBERS_CONFIG) private readonly config: MembersConfig,
  ) {}

  async submit(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const request = await validatePayload(SubmitMemberApplicationRequest, payload);
    this.org.requireStore(request.storeId);
    if (!this.org.canAccessStore(requireActor(ctx), request.storeId)) {
      throw new DomainError('STORE_OUT_OF_SCOPE', `You cannot register members for store ${request.storeId}`, 'forbidden');
    }
    const earlier = await previousReply(this.host, ctx, request);
    if (earlier) return earlier;
    const memberId = randomUUID();
    const hash = mobileHash(request.mobile);
    try {
      await this.assertMobileFree(hash, request.mobile, ctx);
    } catch (error) {
      // The mobile may be taken by this very command: an attempt racing this retry committed first.
      const replay = await previousReply(this.host, ctx, request);
      if (replay) return replay;
      throw error;
    }
    const command = { type: 'SubmitApplication' as const, memberId, ...request, now: this.host.clock.now().toISOString(), actor: requireActor(ctx) };
    try {
      return await runCommand(this.host, memberId, memberSpec(memberId), command, ctx, {
        request,
        toResult: (state) => ({ id: memberId, status: state.status }),
        inline: async (client: PoolClient) => {
          await client.query('insert into member_mobile_index (mobile_hash, member_id) values ($1, $2)', [hash, memberId]);
        },
      });
    } catch (error) {
      if (isUniqueViolation(error, 'member_mobile_index_pkey')) await this.assertMobileFree(hash, request.mobile, ctx);
      throw error;
    }
  }

  /**
   * A mobile that belongs to a member already is a conflict naming that member, when the caller
   * may see it; otherwise a bare conflict, so the check is no phone-number lookup across stores.
   */
  private async assertMobileFree(hash: string, mobile: string, ctx: RpcContext): Promise<void> {
    const { rows } = await this.host.pool.query<{ member_id: string }>('select member_id from member_mobile_index where mobile_hash = $1', [hash]);
    if (!rows.length) return;
    const existing = await loadMember(this.host, rows[0].member_id);
    const visible = existing.state.status !== 'none' && this.org.canAccessStore(ctx.actor, existing.state.storeId);
    if (!visible) throw new DomainError('MOBILE_ALREADY_REGISTERED', `Mobile ${maskMobile(mobile)} already belongs to a member`, 'conflict');
    const memberNo = existing.state.status === 'active' ? existing.state.memberNo : null;
    throw new DomainError('MOBILE_ALREADY_REGISTERED', `Mobile ${maskMobile(mobile)} already belongs to member ${memberNo ?? rows[0].member_id}`, 'conflict', {
      memberId: rows[0].member_id,
      memberNo,
      status: existing.state.status,
    });
  }

  async review(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const request = await validatePayload(ReviewMemberCommand, payload);
    await this.assertVisible(request.memberId, ctx);
    const memberNo =
      request.decision === 'approve'
        ? formatMemberNo(BigInt((await this.host.pool.query<{ n: string }>("select nextval('member_no_seq') as n")).rows[0].n))
        : undefined;
    const { memberId, ...body } = request;
    const command = {
      type: 'ReviewApplication' as const,
      memberId,
      ...body,
      memberNo,
      requiredFields: this.config.requiredFields,
      now: this.host.clock.now().toISOString(),
      actor: requireActor(ctx),
    };
    return runCommand(this.host, memberId, memberSpec(memberId), command, ctx, {
      request,
      toResult: (state) => ({ status: state.status, memberNo: state.status === 'active' ? state.memberNo : null }),
    });
  }

  async supplement(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const request = await validatePayload(SupplementMemberCommand, payload);
    await this.assertVisible(request.memberId, ctx);
    const { memberId, ...fields } = request;
    const command = { type: 'SupplementApplication' as const, memberId, fields, now: this.host.clock.now().toISOString(), actor: requireActor(ctx) };
    return runCommand(this.host, memberId, memberSpec(memberId), command, ctx, {
      request,
      toResult: (state) => ({ status: state.status }),
    });
  }

  private async assertVisible(memberId: string, ctx: RpcContext): Promise<void> {
    const { state } = await loadMember(this.host, memberId);
    if (state.status !== 'none') assertMemberVisible(this.org, ctx.actor, state);
  }
}

