import type { IntegrationEventDescriptor } from '../envelope.js';
import { complaintClosedV1 } from './complaint-closed.v1.js';
import { complaintCompensationGrantedV1 } from './complaint-compensation-granted.v1.js';
import { complaintEscalatedV1 } from './complaint-escalated.v1.js';
import { complaintFiledV1 } from './complaint-filed.v1.js';
import { complaintResolvedV1 } from './complaint-resolved.v1.js';
import { complaintSlaBreachedV1 } from './complaint-sla-breached.v1.js';

/** Every integration event the complaints service publishes. */
export const ComplaintsEvents = [
  complaintFiledV1,
  complaintEscalatedV1,
  complaintCompensationGrantedV1,
  complaintResolvedV1,
  complaintClosedV1,
  complaintSlaBreachedV1,
] as const satisfies readonly IntegrationEventDescriptor[];
