import type { ClassConstructor } from 'class-transformer';
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
import { CONSUMER_MAX_BATCH, contractData } from '@cs/messaging';
import type { OrmTx } from '../typeorm-tx.js';
import type { ServiceConsumer } from '../service-runtime.js';
import { inRounds } from '../rounds.js';

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

/**
 * A service's member directory as a consumer of every members event. Its handlers write only
 * through the transaction, so it applies events in batches (one transaction, one statement).
 */
export function memberDirectoryConsumer(service: string): ServiceConsumer {
  return {
    consumerId: memberDirectoryConsumerId(service),
    producer: 'members',
    filterSubject: MEMBER_EVENTS_SUBJECT,
    handle: applyMemberEvent,
    handleBatch: applyMemberEvents,
    maxBatch: CONSUMER_MAX_BATCH,
  };
}

type MemberFacts = { memberId: string; storeId: string; name?: string; status: string; memberNo?: string; tier?: string };

/**
 * Applies one members event to the directory (a closure anonymises the row). Validated against its contract (a bad payload is
 * permanent: dead-lettered); unknown event types are skipped; a row only moves forward in the
 * member's stream version, so redelivery and reordering change nothing.
 */
export async function applyMemberEvent(envelope: IntegrationEnvelope, tx: OrmTx): Promise<void> {
  await applyMemberEvents([envelope], tx);
}

/**
 * Applies members events in order, as applyMemberEvent on each, with one statement per round: a
 * statement may touch a member once, so a member's second event in the list goes in the next.
 */
export async function applyMemberEvents(envelopes: readonly IntegrationEnvelope[], tx: Pick<OrmTx, 'query'>): Promise<void> {
  const rows: MemberRow[] = [];
  for (const envelope of envelopes) {
    const row = await memberRow(envelope);
    if (row) rows.push(row);
  }
  for (const round of inRounds(rows, (r) => r.memberId)) await upsertMembers(round, tx);
}

type MemberRow = { memberId: string; memberNo: string | null; name: string; status: string; storeId: string; tier: string | null; sourceVersion: number };

async function memberRow(envelope: IntegrationEnvelope): Promise<MemberRow | undefined> {
  const contract = CONTRACTS[`${envelope.type}@${envelope.version}`];
  if (!contract) return undefined;
  await contractData(contract, envelope);
  const facts = envelope.data as MemberFacts;
  // a closed member's name is erased at the source: the directory's copy goes too (§1.7.6 rule 8)
  const name = envelope.type === memberClosedV1.type ? CLOSED_MEMBER_NAME : (facts.name ?? '');
  return { memberId: facts.memberId, memberNo: facts.memberNo ?? null, name, status: facts.status, storeId: facts.storeId, tier: facts.tier ?? null, sourceVersion: envelope.streamVersion };
}

/**
 * One statement, guarded by each member's stream version: replicas applying two events of the
 * same member concurrently, redeliveries and late arrivals can only move a row forward.
 */
async function upsertMembers(rows: MemberRow[], tx: Pick<OrmTx, 'query'>): Promise<void> {
  const column = <K extends keyof MemberRow>(key: K) => rows.map((r) => r[key]);
  await tx.query(
    `insert into member_directory (member_id, member_no, name, status, store_id, tier, source_version)
     select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[])
     on conflict (member_id) do update set
       member_no = coalesce(excluded.member_no, member_directory.member_no),
       name = excluded.name,
       status = excluded.status,
       store_id = excluded.store_id,
       tier = coalesce(excluded.tier, member_directory.tier),
       source_version = excluded.source_version,
       updated_at = now()
     where member_directory.source_version < excluded.source_version`,
    [column('memberId'), column('memberNo'), column('name'), column('status'), column('storeId'), column('tier'), column('sourceVersion')],
  );
}
