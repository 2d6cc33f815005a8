import { validate } from 'class-validator';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import type { IntegrationEnvelope } from '@cs/contracts';
import {
  CLOSED_MEMBER_NAME,
  MemberActivatedV1,
  MemberClosedV1,
  MemberApplicationSubmittedV1,
  MemberApplicationSupplementedV1,
  MemberSupplementRequestedV1,
  memberActivatedV1,
  memberClosedV1,
  memberApplicationSubmittedV1,
  memberApplicationSupplementedV1,
  memberSupplementRequestedV1,
} from '@cs/contracts';
import { PermanentMessageError } from '@cs/messaging';
import type { OrmTx } from '../typeorm-tx.js';

const CONTRACTS: Record<string, ClassConstructor<object>> = {
  [`${memberApplicationSubmittedV1.type}@1`]: MemberApplicationSubmittedV1,
  [`${memberSupplementRequestedV1.type}@1`]: MemberSupplementRequestedV1,
  [`${memberApplicationSupplementedV1.type}@1`]: MemberApplicationSupplementedV1,
  [`${memberActivatedV1.type}@1`]: MemberActivatedV1,
  [`${memberClosedV1.type}@1`]: MemberClosedV1,
};

/** Inbox key and durable name of a service's member directory, e.g. `complaints__member-directory`. */
export const memberDirectoryConsumerId = (service: string) => `${service}__member-directory`;

/** Every members event, whatever it is: unknown types are skipped. */
export const MEMBER_EVENTS_SUBJECT = 'members.evt.>';

type MemberFacts = { memberId: string; storeId: string; name?: string; status: string; memberNo?: string; tier?: string };

/**
 * Applies one members event to the directory (a closure anonymises the row). Validated against its contract (a bad payload is
 * permanent: dead-lettered); unknown event types are skipped; a row only moves forward in the
 * member's stream version, so redelivery and reordering change nothing.
 */
export async function applyMemberEvent(envelope: IntegrationEnvelope, tx: OrmTx): Promise<void> {
  const contract = CONTRACTS[`${envelope.type}@${envelope.version}`];
  if (!contract) return;
  const errors = await validate(plainToInstance(contract, envelope.data));
  if (errors.length) {
    throw new PermanentMessageError(`${envelope.type} v${envelope.version} failed validation: ${errors.map((e) => e.property).join(', ')}`);
  }
  const facts = envelope.data as MemberFacts;
  // a closed member's name is erased at the source: the directory's copy goes too (§1.7.6 rule 8)
  const name = envelope.type === memberClosedV1.type ? CLOSED_MEMBER_NAME : (facts.name ?? '');
  // One statement, guarded by the member's stream version: replicas applying two events of the
  // same member concurrently, redeliveries and late arrivals can only move a row forward.
  await tx.query(
    `insert into member_directory (member_id, member_no, name, status, store_id, tier, source_version)
     values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (member_id) do update set
       member_no = coalesce(excluded.member_no, member_directory.member_no),
       name = excluded.name,
       status = excluded.status,
       store_id = excluded.store_id,
       tier = coalesce(excluded.tier, member_directory.tier),
       source_version = excluded.source_version,
       updated_at = now()
     where member_directory.source_version < excluded.source_version
     returning member_id`,
    [facts.memberId, facts.memberNo ?? null, name, facts.status, facts.storeId, facts.tier ?? null, envelope.streamVersion],
  );
}
