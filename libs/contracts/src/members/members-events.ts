import type { IntegrationEventDescriptor } from '../envelope.js';
import { memberActivatedV1 } from './member-activated.v1.js';
import { memberClosedV1 } from './member-closed.v1.js';
import { memberApplicationSubmittedV1 } from './member-application-submitted.v1.js';
import { memberApplicationSupplementedV1 } from './member-application-supplemented.v1.js';
import { memberSupplementRequestedV1 } from './member-supplement-requested.v1.js';

/** Every integration event the members service publishes. */
export const MembersEvents = [
  memberApplicationSubmittedV1,
  memberSupplementRequestedV1,
  memberApplicationSupplementedV1,
  memberActivatedV1,
  memberClosedV1,
] as const satisfies readonly IntegrationEventDescriptor[];
