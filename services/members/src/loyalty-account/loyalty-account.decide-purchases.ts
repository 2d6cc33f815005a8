import type { RecordPurchase, RecordRefund } from './loyalty-account.commands.js';
import {
  invalidAmount,
  purchaseInFuture,
  purchaseNotFound,
  receiptConflict,
  refundConflict,
  refundExceedsPurchase,
} from './loyalty-account.errors.js';
import type { LoyaltyAccountEvent, PointsReversed } from './loyalty-account.events.js';
import { upgradeOnPurchase } from './loyalty-account.decide-tiers.js';
import { applied, isWholePositive, stamp, takeFrom } from './loyalty-account.guards.js';
import { availableLotsOldestFirst, type LoyaltyAccount, type PurchaseRecord } from './loyalty-account.state.js';
import { addDays, pointsDueBack, pointsFor } from './loyalty-account.values.js';

export const lotIdFor = (receiptNo: string) => `lot-${receiptNo}`;

/**
 * Idempotent by receipt number: the same receipt again changes nothing, other figures under it are
 * refused. A lapsed membership records the spend but earns nothing until renewed.
 */
export function decideRecordPurchase(command: RecordPurchase, account: LoyaltyAccount): LoyaltyAccountEvent[] {
  if (!isWholePositive(command.amount)) throw invalidAmount('amount');
  if (Date.parse(command.purchasedAt) > Date.parse(command.now)) throw purchaseInFuture(command.purchasedAt);
  const known = account.purchases[command.receiptNo];
  if (known) {
    const same =
      known.amount === command.amount &&
      known.storeId === command.storeId &&
      Date.parse(known.purchasedAt) === Date.parse(command.purchasedAt);
    if (same) return [];
    throw receiptConflict(command.receiptNo);
  }
  const events: LoyaltyAccountEvent[] = [
    {
      type: 'PurchaseRecorded',
      data: {
        receiptNo: command.receiptNo,
        storeId: command.storeId,
        channel: command.channel,
        amount: command.amount,
        itemCount: command.itemCount,
        purchasedAt: command.purchasedAt,
        ...stamp(command),
      },
    },
  ];
  if (account.status === 'expired') return events;
  const { revision, rules } = command.rules;
  const points = pointsFor(command.amount, rules.earnRate);
  if (points > 0) {
    events.push({
      type: 'PointsEarned',
      data: {
        lotId: lotIdFor(command.receiptNo),
        receiptNo: command.receiptNo,
        points,
        earnedAt: command.purchasedAt,
        vestsAt: addDays(command.purchasedAt, rules.vestingDays),
        expiresAt: addDays(command.purchasedAt, rules.lotExpiryDays),
        rulesRevision: revision,
        ...stamp(command),
      },
    });
  }
  if (account.status === 'at_risk' || account.status === 'churned') {
    events.push({ type: 'MemberRetained', data: { receiptNo: command.receiptNo, previousStatus: account.status, ...stamp(command) } });
  }
  return [...events, ...upgradeOnPurchase(applied(account, events), command)];
}

/** Idempotent by refund id; reduces net spend and takes back the refunded share of the purchase's points. */
export function decideRecordRefund(command: RecordRefund, account: LoyaltyAccount): LoyaltyAccountEvent[] {
  if (!isWholePositive(command.amount)) throw invalidAmount('amount');
  const known = account.refunds[command.refundId];
  if (known) {
    if (known.receiptNo === command.receiptNo && known.amount === command.amount) return [];
    throw refundConflict(command.refundId);
  }
  const purchase = account.purchases[command.receiptNo];
  if (!purchase) throw purchaseNotFound(command.receiptNo);
  const refundable = purchase.amount - purchase.refunded;
  if (command.amount > refundable) throw refundExceedsPurchase(command.receiptNo, refundable);
  const refundedTotal = purchase.refunded + command.amount;
  const events: LoyaltyAccountEvent[] = [
    {
      type: 'RefundRecorded',
      data: { refundId: command.refundId, receiptNo: command.receiptNo, amount: command.amount, refundedTotal, ...stamp(command) },
    },
  ];
  const due = pointsDueBack({ ...purchase, refunded: refundedTotal }) - purchase.pointsReversed;
  if (due > 0) events.push(reversal(account, purchase, due, command));
  return events;
}

/**
 * The points go back even when already spent: the purchase's own unused points first, then its
 * expired ones (nobody benefited from those), then other available points oldest first; whatever is
 * left is a debt paid from the next points that become available, so the balance never goes negative.
 */
function reversal(account: LoyaltyAccount, purchase: PurchaseRecord, due: number, command: RecordRefund): PointsReversed {
  const own = account.lots.find((lot) => lot.lotId === purchase.lotId);
  const fromRemaining = [];
  const fromExpired = [];
  let left = due;
  if (own) {
    const fromOwn = Math.min(own.remaining, left);
    if (fromOwn > 0) fromRemaining.push({ lotId: own.lotId, points: fromOwn });
    left -= fromOwn;
    const expired = Math.min(own.expired, left);
    if (expired > 0) fromExpired.push({ lotId: own.lotId, points: expired });
    left -= expired;
  }
  const others = takeFrom(
    availableLotsOldestFirst(account).filter((lot) => lot.lotId !== own?.lotId),
    left,
  );
  fromRemaining.push(...others.shares);
  return {
    type: 'PointsReversed',
    data: {
      refundId: command.refundId,
      receiptNo: command.receiptNo,
      points: due,
      fromRemaining,
      fromExpired,
      debtIncurred: others.left,
      ...stamp(command),
    },
  };
}
