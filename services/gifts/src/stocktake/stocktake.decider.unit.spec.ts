import { DomainError } from '@cs/eventstore';
import { DeciderSpecification } from '@cs/testing';
import type { GiftsActor } from '../shared/gifts-actor.js';
import type { StartStocktake, StocktakeCommand } from './stocktake.commands.js';
import { stocktakeDecider } from './stocktake.decider.js';
import type { StocktakeEvent } from './stocktake.events.js';
import { toleranceFor } from './stocktake.values.js';

const spec = DeciderSpecification(stocktakeDecider);
const T = '2026-01-31T02:00:00.000Z';
const staff: GiftsActor = { id: 'staff-7', role: 'store_staff', storeId: 's-1' };
const storeManager: GiftsActor = { id: 'sm-1', role: 'store_manager', storeId: 's-1' };
const csManager: GiftsActor = { id: 'mgr-1', role: 'hq_cs_manager' };
const ID = 'st-1';
const by = (actor: GiftsActor) => ({ at: T, by: actor.id });
const policy = { minUnits: 1, percent: 2 };

const start: StartStocktake = {
  type: 'StartStocktake',
  stocktakeId: ID,
  locationId: 's-1',
  locationKind: 'store',
  regionId: 'east',
  period: '2026-01',
  book: [
    { sku: 'G-1', bookQty: 200, pinnedVersion: 7, unitCost: 3500, highValue: false },
    { sku: 'G-2', bookQty: 5, pinnedVersion: 3, unitCost: 90000, highValue: true },
    { sku: 'G-3', bookQty: 0, pinnedVersion: 0, unitCost: 100, highValue: false },
  ],
  tolerance: policy,
  now: T,
  actor: staff,
};
const started: StocktakeEvent = {
  type: 'StocktakeStarted',
  data: {
    stocktakeId: ID,
    locationId: 's-1',
    locationKind: 'store',
    regionId: 'east',
    period: '2026-01',
    lines: [
      { sku: 'G-1', bookQty: 200, pinnedVersion: 7, unitCost: 3500, tolerance: 4 },
      { sku: 'G-2', bookQty: 5, pinnedVersion: 3, unitCost: 90000, tolerance: 0 },
      { sku: 'G-3', bookQty: 0, pinnedVersion: 0, unitCost: 100, tolerance: 1 },
    ],
    ...by(staff),
  },
};

function cmd<T extends StocktakeCommand['type']>(
  type: T,
  fields: Omit<Extract<StocktakeCommand, { type: T }>, 'type' | 'stocktakeId' | 'now' | 'actor'>,
  actor: GiftsActor = staff,
): StocktakeCommand {
  return { type, stocktakeId: ID, now: T, actor, ...fields } as StocktakeCommand;
}
const counted = (lines: Array<{ sku: string; counted: number; reason?: string }>, round = 1): StocktakeEvent =>
  ({ type: 'StocktakeCounted', data: { round, lines, ...by(staff) } }) as StocktakeEvent;
const line = (sku: string, bookQty: number, c: number, unitCost: number, tolerance: number, extra: object = {}) => ({
  sku,
  bookQty,
  counted: c,
  variance: c - bookQty,
  varianceValue: (c - bookQty) * unitCost,
  tolerance,
  movementsDuringCount: 0,
  ...extra,
});
const allCounted = counted([{ sku: 'G-1', counted: 200 }, { sku: 'G-2', counted: 5 }]);
const oneShort = counted([{ sku: 'G-1', counted: 198, reason: 'damaged' }, { sku: 'G-2', counted: 5 }]);
const shortLines = [line('G-1', 200, 198, 3500, 4, { reason: 'damaged', movementsDuringCount: -1 }), line('G-2', 5, 5, 90000, 0), line('G-3', 0, 0, 100, 1)];
const submittedShort: StocktakeEvent = { type: 'StocktakeSubmitted', data: { round: 1, lines: shortLines, ...by(staff) } };

describe('Stocktake', () => {
  it('should give max(1 unit, 2 %) of tolerance, and none for high-value SKUs', () => {
    expect(toleranceFor(10, false, policy)).toBe(1);
    expect(toleranceFor(250, false, policy)).toBe(5);
    expect(toleranceFor(250, true, policy)).toBe(0);
  });

  describe('when counting starts', () => {
    it('should pin the book with each SKU stream position and tolerance', () => spec.given([]).when(start).then([started]));
    it('should refuse an existing stocktake', () => spec.given([started]).when(start).thenThrows(DomainError, 'STOCKTAKE_ALREADY_EXISTS'));
    it('should refuse a location with nothing to count', () => spec.given([]).when({ ...start, book: [] }).thenThrows(DomainError, 'STOCKTAKE_NOTHING_TO_COUNT'));
    it('should refuse a SKU pinned twice', () => {
      spec.given([]).when({ ...start, book: [start.book[0], start.book[0]] }).thenThrows(DomainError, 'STOCKTAKE_DUPLICATE_LINE');
    });
  });

  describe('when counts are recorded', () => {
    it('should record a round of counts', () => {
      spec.given([started]).when(cmd('RecordStocktakeCounts', { lines: [{ sku: 'G-1', counted: 198, reason: 'damaged' }] })).then([counted([{ sku: 'G-1', counted: 198, reason: 'damaged' }])]);
    });

    it.each([
      ['STOCKTAKE_LINE_UNKNOWN', [{ sku: 'G-9', counted: 1 }]],
      ['STOCKTAKE_COUNT_INVALID', [{ sku: 'G-1', counted: -1 }]],
      ['STOCKTAKE_DUPLICATE_LINE', [{ sku: 'G-1', counted: 1 }, { sku: 'G-1', counted: 2 }]],
    ])('should refuse counts with %s', (code, lines) => {
      spec.given([started]).when(cmd('RecordStocktakeCounts', { lines } as never)).thenThrows(DomainError, code);
    });

    it('should refuse counting an unknown stocktake', () => {
      spec.given([]).when(cmd('RecordStocktakeCounts', { lines: [] })).thenThrows(DomainError, 'STOCKTAKE_NOT_FOUND');
    });
  });

  describe('when submitted', () => {
    it('should confirm at once without variance (empty book lines count as 0)', () => {
      spec
        .given([started, allCounted])
        .when(cmd('SubmitStocktake', { movementsDuringCount: {} }))
        .then([
          { type: 'StocktakeSubmitted', data: { round: 1, lines: [line('G-1', 200, 200, 3500, 4), line('G-2', 5, 5, 90000, 0), line('G-3', 0, 0, 100, 1)], ...by(staff) } },
          { type: 'StocktakeConfirmed', data: { adjustments: [], ...by(staff) } },
        ]);
    });

    it('should wait for approval within tolerance, reporting movements during the count', () => {
      spec.given([started, oneShort]).when(cmd('SubmitStocktake', { movementsDuringCount: { 'G-1': -1 } })).then([submittedShort]);
    });

    it('should use the latest count of a SKU', () => {
      spec
        .given([started, counted([{ sku: 'G-1', counted: 150, reason: 'lost' }]), oneShort])
        .when(cmd('SubmitStocktake', { movementsDuringCount: { 'G-1': -1 } }))
        .then([submittedShort]);
    });

    it('should escalate beyond tolerance', () => {
      spec
        .given([started, counted([{ sku: 'G-1', counted: 195, reason: 'lost' }, { sku: 'G-2', counted: 5 }])])
        .when(cmd('SubmitStocktake', { movementsDuringCount: {} }))
        .thenMatches([{ type: 'StocktakeSubmitted' }, { type: 'StocktakeEscalated', data: { round: 1, causes: [{ sku: 'G-1', cause: 'beyond_tolerance' }] } }]);
    });

    it('should escalate a high-value SKU one unit short', () => {
      spec
        .given([started, counted([{ sku: 'G-1', counted: 200 }, { sku: 'G-2', counted: 4, reason: 'miscount' }])])
        .when(cmd('SubmitStocktake', { movementsDuringCount: {} }))
        .thenMatches([{ type: 'StocktakeSubmitted' }, { type: 'StocktakeEscalated', data: { causes: [{ sku: 'G-2', cause: 'beyond_tolerance' }] } }]);
    });

    it('should escalate suspected theft even within tolerance', () => {
      spec
        .given([started, counted([{ sku: 'G-1', counted: 199, reason: 'theft_suspected' }, { sku: 'G-2', counted: 5 }])])
        .when(cmd('SubmitStocktake', { movementsDuringCount: {} }))
        .thenMatches([{ type: 'StocktakeSubmitted' }, { type: 'StocktakeEscalated', data: { causes: [{ sku: 'G-1', cause: 'theft_suspected' }] } }]);
    });

    it('should refuse a variance without a reason', () => {
      spec.given([started, counted([{ sku: 'G-1', counted: 199 }, { sku: 'G-2', counted: 5 }])]).when(cmd('SubmitStocktake', { movementsDuringCount: {} })).thenThrows(DomainError, 'STOCKTAKE_VARIANCE_REASON_REQUIRED');
    });

    it('should refuse while a SKU with stock is uncounted', () => {
      spec.given([started, counted([{ sku: 'G-1', counted: 200 }])]).when(cmd('SubmitStocktake', { movementsDuringCount: {} })).thenThrows(DomainError, 'STOCKTAKE_COUNT_INCOMPLETE');
    });

    it('should refuse counting after submission', () => {
      spec.given([started, oneShort, submittedShort]).when(cmd('RecordStocktakeCounts', { lines: [{ sku: 'G-1', counted: 1 }] })).thenThrows(DomainError, 'STOCKTAKE_INVALID_TRANSITION');
    });
  });

  describe('when reviewed', () => {
    const escalated: StocktakeEvent = { type: 'StocktakeEscalated', data: { round: 1, causes: [{ sku: 'G-1', cause: 'theft_suspected' }], ...by(staff) } };

    it('should confirm within tolerance with the store manager, adjusting the variance', () => {
      spec
        .given([started, oneShort, submittedShort])
        .when(cmd('ApproveStocktake', { note: 'Two scarves torn' }, storeManager))
        .then([{ type: 'StocktakeConfirmed', data: { adjustments: [{ sku: 'G-1', delta: -2 }], note: 'Two scarves torn', ...by(storeManager) } }]);
    });

    it('should let only the CS manager approve an escalated count', () => {
      spec.given([started, oneShort, submittedShort, escalated]).when(cmd('ApproveStocktake', {}, storeManager)).thenThrows(DomainError, 'STOCKTAKE_ESCALATION_NEEDS_CS_MANAGER');
      spec
        .given([started, oneShort, submittedShort, escalated])
        .when(cmd('ApproveStocktake', {}, csManager))
        .then([{ type: 'StocktakeConfirmed', data: { adjustments: [{ sku: 'G-1', delta: -2 }], ...by(csManager) } }]);
    });

    it('should let the CS manager order a recount, keeping the first counts in the log', () => {
      const recount: StocktakeEvent = { type: 'StocktakeRecountOrdered', data: { round: 2, reason: 'Count the back room', ...by(csManager) } };
      spec.given([started, oneShort, submittedShort, escalated]).when(cmd('OrderRecount', { reason: 'Count the back room' }, csManager)).then([recount]);
      const state = [started, oneShort, submittedShort, escalated, recount].reduce(stocktakeDecider.evolve, stocktakeDecider.initialState());
      expect(state).toMatchObject({ status: 'counting', round: 2, counts: {} });
      spec.given([started, oneShort, submittedShort, escalated, recount]).when(cmd('RecordStocktakeCounts', { lines: [{ sku: 'G-1', counted: 200 }] })).then([counted([{ sku: 'G-1', counted: 200 }], 2)]);
    });

    it('should refuse a recount by others, without a reason, or when not escalated', () => {
      spec.given([started, oneShort, submittedShort, escalated]).when(cmd('OrderRecount', { reason: 'x' }, storeManager)).thenThrows(DomainError, 'STOCKTAKE_ESCALATION_NEEDS_CS_MANAGER');
      spec.given([started, oneShort, submittedShort, escalated]).when(cmd('OrderRecount', { reason: ' ' }, csManager)).thenThrows(DomainError, 'STOCKTAKE_REASON_REQUIRED');
      spec.given([started, oneShort, submittedShort]).when(cmd('OrderRecount', { reason: 'x' }, csManager)).thenThrows(DomainError, 'STOCKTAKE_INVALID_TRANSITION');
    });

    it('should refuse approving while counting or twice', () => {
      spec.given([started]).when(cmd('ApproveStocktake', {}, csManager)).thenThrows(DomainError, 'STOCKTAKE_INVALID_TRANSITION');
      const confirmed: StocktakeEvent = { type: 'StocktakeConfirmed', data: { adjustments: [{ sku: 'G-1', delta: -2 }], ...by(csManager) } };
      spec.given([started, oneShort, submittedShort, confirmed]).when(cmd('ApproveStocktake', {}, csManager)).thenThrows(DomainError, 'STOCKTAKE_INVALID_TRANSITION');
    });
  });
});
