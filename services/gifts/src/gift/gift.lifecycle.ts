import { defineLifecycle } from '@cs/eventstore';
import type { GiftCommand } from './gift.commands.js';
import type { GiftEvent } from './gift.events.js';
import type { GiftStatus } from './gift.state.js';

export const giftLifecycle = defineLifecycle<GiftStatus, GiftCommand, GiftEvent>({
  name: 'gift',
  statuses: ['active', 'inactive'],
  terminal: [],
  commands: { DefineGift: 'create', UpdateGift: ['active', 'inactive'] },
  events: { GiftDefined: 'active', GiftUpdated: 'unchanged', GiftDeactivated: 'inactive', GiftReactivated: 'active' },
});
