import { randomUUID } from 'node:crypto';
import { DomainError, handleCommand, isUniqueViolation, type Actor } from '@cs/eventstore';
import type { ServiceHost } from '@cs/nest-common';
import { MemberErrorCodes } from '../../member/member.errors.js';
import { formatMemberNo } from '../../member/member.values.js';
import { mobileHash } from '../../rpc/member-commands.handler.js';
import { memberStream } from '../../rpc/member-stream.js';

const ONLINE_SIGNUP: Actor = { id: 'system:online-store', role: 'system', name: 'Online store' };

async function ownerOf(host: ServiceHost, mobile: string): Promise<string | undefined> {
  const { rows } = await host.pool.query<{ member_id: string }>('select member_id from member_mobile_index where mobile_hash = $1', [mobileHash(mobile)]);
  return rows[0]?.member_id;
}

/**
 * R101: the member an online sale belongs to. A buyer whose mobile is a member's already is that
 * member; otherwise the first successful online purchase makes the buyer a member of the online
 * store, active at once.
 */
export async function memberForOnlineBuyer(
  host: ServiceHost,
  buyer: { name: string; mobile: string },
  sale: { storeId: string; receiptNo: string; occurredAt: string },
): Promise<string> {
  const existing = await ownerOf(host, buyer.mobile);
  if (existing) return existing;
  // a random id, never one derived from the mobile: the id outlives the member's closure, and a
  // hash of an 11-digit number is reversed by trying them all. One member per mobile still: two
  // first sales at once both append, the mobile index (same transaction) lets only one commit.
  const memberId = randomUUID();
  const { rows } = await host.pool.query<{ n: string }>("select nextval('member_no_seq') as n");
  const now = new Date(sale.occurredAt).toISOString();
  try {
    await handleCommand(
      host.store,
      memberStream.spec(memberId),
      { type: 'RegisterOnlineMember', memberId, storeId: sale.storeId, name: buyer.name, mobile: buyer.mobile, memberNo: formatMemberNo(BigInt(rows[0].n)), receiptNo: sale.receiptNo, now, actor: ONLINE_SIGNUP },
      {
        commandId: `online-member:${memberId}`,
        request: { memberId },
        metadata: { actor: ONLINE_SIGNUP, occurredAt: now },
        inline: async (client) => {
          await client.query('insert into member_mobile_index (mobile_hash, member_id) values ($1, $2)', [mobileHash(buyer.mobile), memberId]);
        },
      },
    );
    host.poke();
    return memberId;
  } catch (error) {
    if (isUniqueViolation(error, 'member_mobile_index_pkey')) {
      const owner = await ownerOf(host, buyer.mobile);
      if (owner) return owner;
    }
    if (error instanceof DomainError && error.code === MemberErrorCodes.ALREADY_EXISTS) return memberId;
    throw error;
  }
}
