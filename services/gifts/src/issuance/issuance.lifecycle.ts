import { defineLifecycle } from '@cs/eventstore';
import type { IssuanceCommand } from './issuance.commands.js';
import type { IssuanceEvent } from './issuance.events.js';
import type { IssuanceStatus } from './issuance.state.js';

export const issuanceLifecycle = defineLifecycle<IssuanceStatus, IssuanceCommand, IssuanceEvent>({
  name: 'issuance',
  statuses: ['issued', 'reversed', 'refused'],
  terminal: ['reversed', 'refused'],
  commands: { IssueGift: 'create', RefuseIssuance: 'create', ReverseIssuance: ['issued'] },
  events: { GiftIssued: 'issued', GiftIssuanceReversed: 'reversed', GiftIssuanceRefused: 'refused' },
});
