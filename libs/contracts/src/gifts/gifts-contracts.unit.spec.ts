import { rejectedFields } from '@cs/testing';
import { validatePayload } from '@cs/messaging';
import type { ClassConstructor } from 'class-transformer';
import {
  ApproveGiftRequestRequest,
  CreateGiftRequestRequest,
  CreateProcurementPlanRequest,
  DefineGiftRequest,
  DispatchGiftRequestRequest,
  GiftArrivalOverdueV1,
  giftArrivalOverdueV1,
  giftArrivalOverdueV1Example,
  GiftCataloguedV1,
  giftCataloguedV1,
  giftCataloguedV1Example,
  GiftEntitlementExpiredV1,
  giftEntitlementExpiredV1,
  giftEntitlementExpiredV1Example,
  GiftEntitlementIssuedV1,
  giftEntitlementIssuedV1,
  giftEntitlementIssuedV1Example,
  GiftEntitlementRedeemedV1,
  giftEntitlementRedeemedV1,
  giftEntitlementRedeemedV1Example,
  GiftIssuanceReversedV1,
  giftIssuanceReversedV1,
  giftIssuanceReversedV1Example,
  GiftIssuedV1,
  giftIssuedV1,
  giftIssuedV1Example,
  GiftRedemptionIssuedV1,
  giftRedemptionIssuedV1,
  giftRedemptionIssuedV1Example,
  GiftRedemptionRefusedV1,
  giftRedemptionRefusedV1,
  giftRedemptionRefusedV1Example,
  GiftsCommands,
  GiftsEvents,
  GiftsRpc,
  GiftStockLowV1,
  giftStockLowV1,
  giftStockLowV1Example,
  GiftStocktakeConfirmedV1,
  giftStocktakeConfirmedV1,
  giftStocktakeConfirmedV1Example,
  IssueGiftRequest,
  IssueRedemptionGiftV1,
  issueRedemptionGiftV1,
  issueRedemptionGiftV1Example,
  ListGiftStockQuery,
  ListIssuancesQuery,
  ReceiveGiftRequestRequest,
  RecordStocktakeCountsRequest,
  StocktakeSummaryQuery,
} from '../index.js';

const fixtures: Array<[string, ClassConstructor<object>, object]> = [
  ['GiftCataloguedV1', GiftCataloguedV1, giftCataloguedV1Example],
  ['GiftIssuedV1', GiftIssuedV1, giftIssuedV1Example],
  ['GiftIssuanceReversedV1', GiftIssuanceReversedV1, giftIssuanceReversedV1Example],
  ['GiftStockLowV1', GiftStockLowV1, giftStockLowV1Example],
  ['GiftEntitlementIssuedV1', GiftEntitlementIssuedV1, giftEntitlementIssuedV1Example],
  ['GiftEntitlementRedeemedV1', GiftEntitlementRedeemedV1, giftEntitlementRedeemedV1Example],
  ['GiftEntitlementExpiredV1', GiftEntitlementExpiredV1, giftEntitlementExpiredV1Example],
  ['GiftStocktakeConfirmedV1', GiftStocktakeConfirmedV1, giftStocktakeConfirmedV1Example],
  ['GiftArrivalOverdueV1', GiftArrivalOverdueV1, giftArrivalOverdueV1Example],
  ['IssueRedemptionGiftV1', IssueRedemptionGiftV1, issueRedemptionGiftV1Example],
  ['GiftRedemptionIssuedV1', GiftRedemptionIssuedV1, giftRedemptionIssuedV1Example],
  ['GiftRedemptionRefusedV1', GiftRedemptionRefusedV1, giftRedemptionRefusedV1Example],
];

describe('Gifts contracts', () => {
  describe('when checking the integration fixtures', () => {
    it.each(fixtures)('should validate the %s example against its class', async (_name, cls, example) => {
      expect(await rejectedFields(cls, example)).toEqual([]);
    });

    it.each(fixtures)('should refuse unknown fields in %s (no personal data slips in)', async (_name, cls, example) => {
      expect(await rejectedFields(cls, { ...example, mobile: '13812341234' })).toEqual(['mobile']);
    });

    it.each([
      ['GiftIssuedV1', 'quantity', 0, GiftIssuedV1, giftIssuedV1Example],
      ['GiftIssuedV1', 'reason', 'bribe', GiftIssuedV1, giftIssuedV1Example],
      ['GiftIssuedV1', 'giftSku', 'scarf 01', GiftIssuedV1, giftIssuedV1Example],
      ['GiftStockLowV1', 'available', -1, GiftStockLowV1, giftStockLowV1Example],
      ['GiftEntitlementIssuedV1', 'kind', 'coupon', GiftEntitlementIssuedV1, giftEntitlementIssuedV1Example],
      ['GiftRedemptionRefusedV1', 'reason', 'no_reason', GiftRedemptionRefusedV1, giftRedemptionRefusedV1Example],
      ['IssueRedemptionGiftV1', 'requestedAt', 'now', IssueRedemptionGiftV1, issueRedemptionGiftV1Example],
      ['GiftStocktakeConfirmedV1', 'period', '2026-13', GiftStocktakeConfirmedV1, giftStocktakeConfirmedV1Example],
    ] as Array<[string, string, unknown, ClassConstructor<object>, object]>)('should refuse a %s with a bad %s', async (_name, field, value, cls, example) => {
      expect(await rejectedFields(cls, { ...example, [field]: value })).toEqual([field]);
    });

    it('should check each stocktake line', async () => {
      const bad = { ...giftStocktakeConfirmedV1Example, lines: [{ ...giftStocktakeConfirmedV1Example.lines[0], countedQty: -2 }] };
      expect(await rejectedFields(GiftStocktakeConfirmedV1, bad)).toEqual(['lines.0.countedQty']);
    });

    it('should list every descriptor with a versioned subject, and the command on gifts.cmd', () => {
      for (const d of GiftsEvents) expect(d.subject).toBe(`gifts.evt.${d.type.slice('gifts.'.length)}.v${d.version}`);
      expect(GiftsCommands.map((d) => d.subject)).toEqual(['gifts.cmd.IssueRedemptionGift.v1']);
    });

    it('should name every RPC subject gifts.rpc.<Name>', () => {
      for (const [name, subject] of Object.entries(GiftsRpc)) expect(subject).toBe(`gifts.rpc.${name}`);
    });

    it('should keep the published contracts unchanged', () => {
      expect({
        descriptors: [
          giftCataloguedV1,
          giftIssuedV1,
          giftIssuanceReversedV1,
          giftStockLowV1,
          giftEntitlementIssuedV1,
          giftEntitlementRedeemedV1,
          giftEntitlementExpiredV1,
          giftStocktakeConfirmedV1,
          giftArrivalOverdueV1,
          issueRedemptionGiftV1,
          giftRedemptionIssuedV1,
          giftRedemptionRefusedV1,
        ],
        fixtures: Object.fromEntries(fixtures.map(([name, , example]) => [name, example])),
        rpc: GiftsRpc,
      }).toMatchSnapshot();
    });
  });

  describe('when validating the catalogue and stock requests', () => {
    const gift = { sku: 'GIFT-SCARF-01', name: 'Silk scarf', spec: '90x90cm', unit: 'piece', unitCost: 3500, minStock: { hq: 50, store: 5 } };

    it('should accept a catalogue item and refuse a bad threshold or SKU', async () => {
      expect(await rejectedFields(DefineGiftRequest, gift)).toEqual([]);
      expect(await rejectedFields(DefineGiftRequest, { ...gift, minStock: { hq: -1, store: 5 } })).toEqual(['minStock.hq']);
      expect(await rejectedFields(DefineGiftRequest, { ...gift, sku: 'scarf' })).toEqual(['sku']);
      expect(await rejectedFields(DefineGiftRequest, { ...gift, unitCost: 35.5 })).toEqual(['unitCost']);
    });

    it('should convert the stock query strings', async () => {
      expect(await validatePayload(ListGiftStockQuery, { locationId: 'HQ', low: 'true', limit: '20' })).toMatchObject({ low: true, limit: 20 });
      expect(await rejectedFields(ListGiftStockQuery, { low: 'yes' })).toEqual(['low']);
    });
  });

  describe('when validating the workflow requests', () => {
    it('should require at least one plan line with a positive quantity', async () => {
      expect(await rejectedFields(CreateProcurementPlanRequest, { period: '2026-02', lines: [] })).toEqual(['lines']);
      expect(await rejectedFields(CreateProcurementPlanRequest, { period: '2026-02', lines: [{ sku: 'G-1', quantity: 0 }] })).toEqual(['lines.0.quantity']);
      expect(await rejectedFields(CreateProcurementPlanRequest, { period: 'Feb', lines: [{ sku: 'G-1', quantity: 5 }] })).toEqual(['period']);
    });

    it('should validate a store request, its approval, dispatch and receipt', async () => {
      expect(await rejectedFields(CreateGiftRequestRequest, { storeId: 's-1', purpose: 'birthday', lines: [{ sku: 'G-1', quantity: 3 }] })).toEqual([]);
      expect(await rejectedFields(CreateGiftRequestRequest, { storeId: 's-1', purpose: 'party', lines: [{ sku: 'G-1', quantity: 3 }] })).toEqual(['purpose']);
      expect(await rejectedFields(ApproveGiftRequestRequest, { lines: [{ sku: 'G-1', quantity: 0 }] })).toEqual([]);
      expect(await rejectedFields(DispatchGiftRequestRequest, { expectedArrival: '2026-01-08' })).toEqual(['expectedArrival']);
      expect(await rejectedFields(ReceiveGiftRequestRequest, { lines: [{ sku: 'G-1', received: 3 }] })).toEqual(['lines.0.damaged']);
    });

    it('should require a member or a customer on an issuance, and a known reason', async () => {
      const good = { locationId: 's-1', sku: 'G-1', quantity: 1, memberId: 'm-1', reason: 'birthday' };
      expect(await rejectedFields(IssueGiftRequest, good)).toEqual([]);
      const { memberId: _m, ...anonymous } = good;
      expect(await rejectedFields(IssueGiftRequest, anonymous)).toEqual(['memberId', 'customer']);
      expect(await rejectedFields(IssueGiftRequest, { ...anonymous, customer: { name: 'Wang', mobile: '13812341234' } })).toEqual([]);
      expect(await rejectedFields(IssueGiftRequest, { ...good, reason: 'friend' })).toEqual(['reason']);
    });

    it('should validate counts, the summary period and the register filters', async () => {
      expect(await rejectedFields(RecordStocktakeCountsRequest, { lines: [{ sku: 'G-1', counted: 4, reason: 'theft_suspected' }] })).toEqual([]);
      expect(await rejectedFields(RecordStocktakeCountsRequest, { lines: [{ sku: 'G-1', counted: 4, reason: 'aliens' }] })).toEqual(['lines.0.reason']);
      expect(await rejectedFields(StocktakeSummaryQuery, {})).toEqual(['period']);
      expect(await rejectedFields(ListIssuancesQuery, { from: 'last week' })).toEqual(['from']);
    });
  });
});
