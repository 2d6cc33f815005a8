import { IsIn, IsString, Length } from 'class-validator';
import { IsInstant } from '../validators.js';
import type { IntegrationEventDescriptor } from '../envelope.js';

export const memberClosedV1 = {
  type: 'members.MemberClosed',
  version: 1,
  subject: 'members.evt.MemberClosed.v1',
} as const satisfies IntegrationEventDescriptor;

/**
 * The membership is closed and its personal data erased (§1.7.6 rule 8): every copy of the
 * member's name (member directories) is to be anonymised. Ids and store only; not the reason.
 */
export class MemberClosedV1 {
  @IsString() @Length(1, 64) memberId: string;
  @IsString() @Length(1, 64) storeId: string;
  @IsIn(['closed']) status: 'closed';
  @IsInstant() closedAt: string;
}

export const memberClosedV1Example: MemberClosedV1 = {
  memberId: '0b9e2c4e-6a57-4d8e-9a7e-3d1f6f2b8c11',
  storeId: 'store-sh-012',
  status: 'closed',
  closedAt: '2025-09-01T02:00:00.000Z',
};
