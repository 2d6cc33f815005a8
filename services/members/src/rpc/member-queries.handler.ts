import { Inject, Injectable } from '@nestjs/common';
import { Brackets, type SelectQueryBuilder } from 'typeorm';
import { validatePayload, type RpcContext } from '@cs/messaging';
import { keysetPage, presentMobile, scopeToStores, ServiceHost, toHistory } from '@cs/nest-common';
import { hasRole, IDENTITY_CHECK_ROLES, OrgDirectory } from '@cs/org';
import { GetMemberQuery, ListMembersQuery, MemberHistoryQuery, ProfileCompletenessQuery, ReviewQueueQuery } from '@cs/contracts';
import type { MembersConfig } from '../config/members.config.js';
import { identityCheckRequired, memberNotFound } from '../member/member.errors.js';
import { identityCheckedWithin, type Member } from '../member/member.state.js';
import { MEMBERS_CONFIG } from '../members.tokens.js';
import { MemberListRow } from '../projections/member-list/member-list.entity.js';
import { assertMemberVisible } from './member-access.js';
import { memberStream } from './member-stream.js';
import { loyaltyAccountStream } from './loyalty-streams.js';
import { loyaltySummary, toMemberView } from './member-view.js';

@Injectable()
export class MemberQueriesHandler {
  constructor(
    private readonly host: ServiceHost,
    private readonly org: OrgDirectory,
    @Inject(MEMBERS_CONFIG) private readonly config: MembersConfig,
  ) {}

  /**
   * Folded from the stream, so it reflects the caller's own writes at once; `asOf` travels back.
   * The identity gate and the audit follow the member as it is now, whatever instant is shown.
   */
  async get(payload: unknown, ctx: RpcContext) {
    const query = await validatePayload(GetMemberQuery, payload);
    const now = await this.loadVisible(query.memberId, ctx);
    const current = now.state;
    const phoneDesk = this.assertIdentityChecked(current, ctx);
    const { state, version } = query.asOf ? await memberStream.load(this.host, query.memberId, query.asOf) : now;
    if (!state) throw memberNotFound(query.memberId);
    const { state: account } = await loyaltyAccountStream.load(this.host, query.memberId, query.asOf);
    const view = { ...toMemberView(state, version, ctx.actor), ...loyaltySummary(account) };
    await this.auditFullProfile(current, ctx, phoneDesk || (!!state.mobile && view.mobile === state.mobile));
    return view;
  }

  /** The record's events show the same personal data as the record: same gate, same audit. */
  async history(payload: unknown, ctx: RpcContext) {
    const query = await validatePayload(MemberHistoryQuery, payload);
    const { state, events } = await memberStream.load(this.host, query.memberId);
    if (!state) throw memberNotFound(query.memberId);
    assertMemberVisible(this.org, ctx.actor, state);
    const phoneDesk = this.assertIdentityChecked(state, ctx);
    const hideMobile = (data: Record<string, unknown>) =>
      typeof data.mobile === 'string' ? { ...data, mobile: presentMobile(data.mobile, ctx.actor, ctx.actor?.role === 'customer') } : data;
    const items = toHistory(events, (e) => hideMobile(e.data as Record<string, unknown>));
    await this.auditFullProfile(state, ctx, phoneDesk || (!!state.mobile && presentMobile(state.mobile, ctx.actor) === state.mobile));
    return { items };
  }

  private async loadVisible(memberId: string, ctx: RpcContext): Promise<{ state: Member; version: number }> {
    const { state, version } = await memberStream.load(this.host, memberId);
    if (!state) throw memberNotFound(memberId);
    assertMemberVisible(this.org, ctx.actor, state);
    return { state, version };
  }

  /**
   * R103: the phone desk sees an active member only after a recent passed identity check; an
   * application under review is HQ's review work, not a disclosure to a caller. True when the
   * read is such a disclosure.
   */
  private assertIdentityChecked(member: Member, ctx: RpcContext): boolean {
    const window = this.config.identityCheckWindowMinutes;
    const phoneDesk = member.status === 'active' && hasRole(IDENTITY_CHECK_ROLES, ctx.actor?.role);
    if (phoneDesk && !identityCheckedWithin(member, this.host.clock.now().toISOString(), window)) throw identityCheckRequired(member.memberId, window);
    return phoneDesk;
  }

  /** A read that shows the full profile to staff (unmasked mobile, or a disclosure to a caller) is audit-logged. */
  private async auditFullProfile(member: Member, ctx: RpcContext, fullProfile: boolean): Promise<void> {
    if (!fullProfile || !ctx.actor || ctx.actor.role === 'customer') return;
    const check = member.lastIdentityCheck?.passed ? member.lastIdentityCheck : undefined;
    await this.host.pool.query(
      'insert into member_profile_reads (member_id, actor_id, actor_role, read_at, identity_checked_at, case_ref) values ($1, $2, $3, $4, $5, $6)',
      [member.memberId, ctx.actor.id, ctx.actor.role, this.host.clock.now(), check?.at ?? null, check?.caseRef ?? null],
    );
  }

  async list(payload: unknown, ctx: RpcContext) {
    const query = await validatePayload(ListMembersQuery, payload);
    const qb = this.scoped(ctx);
    if (query.storeId) qb.andWhere('m.store_id = :storeId', { storeId: query.storeId });
    if (query.status) qb.andWhere('m.status = :status', { status: query.status });
    if (query.tier) qb.andWhere('m.tier = :tier', { tier: query.tier });
    if (query.q) {
      const q = query.q.trim();
      qb.andWhere(
        new Brackets((w) => {
          w.where('m.name ilike :like', { like: `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` })
            .orWhere('m.member_no = :q', { q })
            .orWhere('m.mobile = :q', { q });
        }),
      );
    }
    return this.page(qb, 'desc', query.limit, query.cursor, ctx);
  }

  /** HQ's daily review queue (每日新录入): entries of one day still awaiting review, oldest first. */
  async reviewQueue(payload: unknown, ctx: RpcContext) {
    const query = await validatePayload(ReviewQueueQuery, payload);
    const qb = this.scoped(ctx).andWhere("m.status = 'pending_review'");
    if (query.date) qb.andWhere('m.submitted_date = :date', { date: query.date });
    return this.page(qb, 'asc', query.limit, query.cursor, ctx);
  }

  /**
   * 定期检查顾客资料的完整性 (R97): active members whose profile lacks a field the review requires
   * (configuration, R84), each with what is missing, oldest first. Online members (R101) and members
   * approved before the list grew are the usual ones.
   */
  async completeness(payload: unknown, ctx: RpcContext) {
    const query = await validatePayload(ProfileCompletenessQuery, payload);
    const required = this.config.requiredFields;
    const qb = this.scoped(ctx)
      .andWhere("m.status = 'active'")
      .andWhere('not (m.present_fields @> cast(:required as jsonb))', { required: JSON.stringify(required) });
    if (query.storeId) qb.andWhere('m.store_id = :storeId', { storeId: query.storeId });
    return keysetPage(
      qb,
      { atColumn: 'm.submitted_at', idColumn: 'm.member_id', direction: 'asc', limit: query.limit, cursor: query.cursor, keyOf: (row) => ({ at: row.submittedAt, id: row.memberId }) },
      (row) => ({ ...toListItem(row, ctx), missingFields: required.filter((field) => !row.presentFields.includes(field)) }),
    );
  }

  private scoped(ctx: RpcContext): SelectQueryBuilder<MemberListRow> {
    const qb = this.host.dataSource.getRepository(MemberListRow).createQueryBuilder('m').where('true');
    scopeToStores(qb, 'm.store_id', this.org.visibleStoreIds(ctx.actor));
    return qb;
  }

  private page(qb: SelectQueryBuilder<MemberListRow>, direction: 'asc' | 'desc', limit: number | undefined, cursor: string | undefined, ctx: RpcContext) {
    return keysetPage(
      qb,
      { atColumn: 'm.submitted_at', idColumn: 'm.member_id', direction, limit, cursor, keyOf: (row) => ({ at: row.submittedAt, id: row.memberId }) },
      (row) => toListItem(row, ctx),
    );
  }
}

function toListItem(row: MemberListRow, ctx: RpcContext) {
  return {
    id: row.memberId,
    memberNo: row.memberNo,
    storeId: row.storeId,
    name: row.name,
    mobile: presentMobile(row.mobile, ctx.actor),
    status: row.status,
    tier: row.tier,
    missingFields: row.missingFields,
    submittedAt: row.submittedAt.toISOString(),
    submittedDate: row.submittedDate,
    activatedAt: row.activatedAt?.toISOString() ?? null,
    version: row.version,
  };
}
