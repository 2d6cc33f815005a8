import { defineLifecycle } from '@cs/eventstore';
import type { AfterSalesPolicyCommand } from './after-sales-policy.commands.js';
import type { AfterSalesPolicyEvent } from './after-sales-policy.events.js';
import { AFTER_SALES_POLICY_STATUSES, type AfterSalesPolicyStatus } from './after-sales-policy.values.js';

/** The first definition creates the stream and later ones redefine it. */
export const afterSalesPolicyLifecycle = defineLifecycle<AfterSalesPolicyStatus, AfterSalesPolicyCommand, AfterSalesPolicyEvent>({
  name: 'after-sales policy',
  statuses: AFTER_SALES_POLICY_STATUSES,
  terminal: [],
  commands: { DefineAfterSalesPolicy: ['create', 'defined'] },
  events: { AfterSalesPolicyDefined: 'defined' },
});
