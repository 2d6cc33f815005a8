import { validate } from 'class-validator';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import type { IntegrationEnvelope } from '@cs/contracts';
import {
  MemberActivatedV1,
  MemberApplicationSubmittedV1,
  MemberApplicationSupplementedV1,
  MemberSupplementRequestedV1,
  memberActivatedV1,
  memberApplicationSubmittedV1,
  memberApplicationSupplementedV1,
  memberSupplementRequestedV1,
} from '@cs/contracts';
import { PermanentMessageError } from '@cs/messaging';
import type { OrmTx } from '@cs/nest-common';
import { MemberDirectoryRow } from './member-directory.entity.js';

const CONTRACTS: Record<string, ClassConstructor<object>> = {
  [`${memberApplicationSubmittedV1.type}@1`]: MemberApplicationSubmittedV1,
  [`${memberSupplementRequestedV1.type}@1`]: MemberSupplementRequestedV1,
  [`${memberApplicationSupplementedV1.type}@1`]: MemberApplicationSupplementedV1,
  [`${memberActivatedV1.type}@1`]: MemberActivatedV1,
};

export const MEMBER_DIRECTORY_CONSUMER = 'complaints__member-directory';

type MemberFacts = { memberId: string; storeId: string; name?: string; status: string; memberNo?: string; tier?: string };

/**
 * Applies one members event to the directory. Validated against its contract (a bad payload is
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
  const repo = tx.em.getRepository(MemberDirectoryRow);
  const row = await repo.findOneBy({ memberId: facts.memberId });
  if (row && row.sourceVersion >= envelope.streamVersion) return;
  await repo.save({
    memberId: facts.memberId,
    memberNo: facts.memberNo ?? row?.memberNo ?? null,
    name: facts.name ?? row?.name ?? '',
    status: facts.status,
    storeId: facts.storeId,
    tier: facts.tier ?? row?.tier ?? null,
    sourceVersion: envelope.streamVersion,
  });
}
