import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError, isUniqueViolation } from '@cs/eventstore';
import { requireActor, validatePayload, type RpcContext } from '@cs/messaging';
import { consumed, maskMobile, previousReply, runCommand, ServiceHost, type CommandReply } from '@cs/nest-common';
import { OrgDirectory } from '@cs/org';
import { ReviewMemberCommand, SubmitMemberApplicationRequest, SupplementMemberCommand } from '@cs/contracts';
import type { PoolClient } from 'pg';
import { MEMBERS_CONFIG } from '../members.tokens.js';
import type { MembersConfig } from '../config/members.config.js';
import type { ReviewApplication, SubmitApplication, SupplementApplication } from '../member/member.commands.js';
import { formatMemberNo } from '../member/member.values.js';
import type { MemberState } from '../member/member.state.js';
import { memberStream } from './member-stream.js';
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
    // a number held by a member the caller may not see: the application is taken like any other
    // (nothing tells the caller the number exists) and HQ's approval finds the conflict
    let heldElsewhere: boolean;
    try {
      heldElsewhere = await this.assertMobileFree(hash, request.mobile, ctx);
    } catch (error) {
      // The mobile may be taken by this very command: an attempt racing this retry committed first.
      const replay = await previousReply(this.host, ctx, request);
      if (replay) return replay;
      throw error;
    }
    const { storeId, name, mobile, gender, birthDate, email, postalAddress, preferences, marketingConsent, ...rest } = request;
    consumed(rest);
    const command: SubmitApplication = {
      type: 'SubmitApplication',
      memberId,
      storeId,
      name,
      mobile,
      gender,
      birthDate,
      email,
      postalAddress,
      preferences,
      marketingConsent,
      now: this.host.clock.now().toISOString(),
      actor: requireActor(ctx),
    };
    try {
      return await runCommand(this.host, memberId, memberStream.spec(memberId), command, ctx, {
        request,
        toResult: (state) => ({ id: memberId, status: state?.status }),
        inline: async (client: PoolClient) => {
          if (!heldElsewhere) await client.query('insert into member_mobile_index (mobile_hash, member_id) values ($1, $2)', [hash, memberId]);
        },
      });
    } catch (error) {
      if (!isUniqueViolation(error, 'member_mobile_index_pkey')) throw error;
      // taken meanwhile: by a member the caller may see (the named conflict), or elsewhere (taken as above)
      if (await this.assertMobileFree(hash, request.mobile, ctx)) return this.submit(payload, ctx);
      throw error;
    }
  }

  /**
   * A mobile that belongs to a member the caller may see is a conflict naming that member. One
   * held by a member outside the caller's scope answers true ("held elsewhere"), and nothing
   * else: the check is no phone-number lookup across stores. False when the number is free.
   */
  private async assertMobileFree(hash: string, mobile: string, ctx: RpcContext, self?: string): Promise<boolean> {
    const { rows } = await this.host.pool.query<{ member_id: string }>('select member_id from member_mobile_index where mobile_hash = $1', [hash]);
    if (!rows.length || rows[0].member_id === self) return false;
    const { state: member } = await memberStream.load(this.host, rows[0].member_id);
    if (!member || !this.org.canAccessStore(ctx.actor, member.storeId)) return true;
    const memberNo = member.memberNo ?? null;
    throw new DomainError('MOBILE_ALREADY_REGISTERED', `Mobile ${maskMobile(mobile)} already belongs to member ${memberNo ?? rows[0].member_id}`, 'conflict', {
      memberId: rows[0].member_id,
      memberNo,
      status: member.status,
    });
  }

  async review(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const request = await validatePayload(ReviewMemberCommand, payload);
    const { memberId, decision, missingFields, note, ...rest } = request;
    consumed(rest);
    const now = this.host.clock.now().toISOString();
    const actor = requireActor(ctx);
    // One number per request: a retry on a version conflict reuses it.
    let memberNo: string | undefined;
    const command = async (state: MemberState): Promise<ReviewApplication> => {
      this.assertVisible(state, ctx);
      if (decision === 'approve') memberNo ??= await this.nextMemberNo();
      return { type: 'ReviewApplication', memberId, decision, missingFields, note, memberNo, requiredFields: this.config.requiredFields, now, actor };
    };
    return runCommand(this.host, memberId, memberStream.spec(memberId), command, ctx, {
      request,
      toResult: (state) => ({ status: state?.status, memberNo: state?.memberNo ?? null }),
      inline: async (client, _events, state) => {
        if (decision === 'approve' && state?.status === 'active') await this.claimMobile(client, state.mobile, memberId, ctx);
      },
    });
  }

  /**
   * An application taken while its number was held elsewhere holds no index entry: approving it
   * claims the number, and a number still held by another member refuses the approval.
   */
  private async claimMobile(client: PoolClient, mobile: string, memberId: string, ctx: RpcContext): Promise<void> {
    const hash = mobileHash(mobile);
    await client.query('insert into member_mobile_index (mobile_hash, member_id) values ($1, $2) on conflict (mobile_hash) do nothing', [hash, memberId]);
    const { rows } = await client.query<{ member_id: string }>('select member_id from member_mobile_index where mobile_hash = $1', [hash]);
    if (rows[0]?.member_id === memberId) return;
    if (await this.assertMobileFree(hash, mobile, ctx, memberId)) {
      throw new DomainError('MOBILE_ALREADY_REGISTERED', `Mobile ${maskMobile(mobile)} already belongs to another member`, 'conflict');
    }
  }

  async supplement(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const request = await validatePayload(SupplementMemberCommand, payload);
    const { memberId, name, gender, birthDate, email, postalAddress, preferences, marketingConsent, ...rest } = request;
    consumed(rest);
    const now = this.host.clock.now().toISOString();
    const actor = requireActor(ctx);
    const command = (state: MemberState): SupplementApplication => {
      this.assertVisible(state, ctx);
      return { type: 'SupplementApplication', memberId, fields: { name, gender, birthDate, email, postalAddress, preferences, marketingConsent }, now, actor };
    };
    return runCommand(this.host, memberId, memberStream.spec(memberId), command, ctx, {
      request,
      toResult: (state) => ({ status: state?.status }),
    });
  }

  private async nextMemberNo(): Promise<string> {
    const { rows } = await this.host.pool.query<{ n: string }>("select nextval('member_no_seq') as n");
    return formatMemberNo(BigInt(rows[0].n));
  }

  /** Out of scope reads as unknown; an unknown member is the decider's not-found. */
  private assertVisible(state: MemberState, ctx: RpcContext): void {
    if (state) assertMemberVisible(this.org, ctx.actor, state);
  }
}
