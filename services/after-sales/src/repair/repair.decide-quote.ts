import { compact } from '@cs/eventstore';
import { stamp } from '../common/after-sales.guards.js';
import type { AcceptQuote, DeclineQuote, QuoteRepair } from './repair.commands.js';
import { invalidQuoteAmount, quoteNotNeeded } from './repair.errors.js';
import type { RepairEvent } from './repair.events.js';
import type { Repair } from './repair.state.js';

/** 维修报价 (R71: a mail-in customer hears the fee and how to pay). */
export function decideQuote(command: QuoteRepair, state: Repair): RepairEvent[] {
  if (state.diagnosis?.free) throw quoteNotNeeded();
  if (!Number.isInteger(command.amount) || command.amount < 1) throw invalidQuoteAmount(command.amount);
  return [{ type: 'RepairQuoted', data: compact({ amount: command.amount, paymentMethod: command.paymentMethod, ...stamp(command) }) }];
}

export function decideAcceptQuote(command: AcceptQuote, state: Repair): RepairEvent[] {
  return [{ type: 'RepairQuoteAccepted', data: compact({ amount: state.quote!.amount, note: command.note, ...stamp(command) }) }];
}

/** The customer declines: the item goes back unrepaired. */
export function decideDeclineQuote(command: DeclineQuote, state: Repair): RepairEvent[] {
  return [{ type: 'RepairQuoteDeclined', data: compact({ amount: state.quote!.amount, reason: command.reason, ...stamp(command) }) }];
}
