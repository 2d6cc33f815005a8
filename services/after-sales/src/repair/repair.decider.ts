import type { Decider } from '@cs/eventstore';
import type { RepairCommand } from './repair.commands.js';
import { decideRepair } from './repair.decide.js';
import type { RepairEvent } from './repair.events.js';
import { evolveRepair } from './repair.evolve.js';
import { initialRepairState, type RepairState } from './repair.state.js';

export const REPAIR_STREAM_TYPE = 'repair';

export function repairStreamId(requestId: string): string {
  return `${REPAIR_STREAM_TYPE}-${requestId}`;
}

export const repairDecider: Decider<RepairState, RepairCommand, RepairEvent> = {
  decide: decideRepair,
  evolve: evolveRepair,
  initialState: initialRepairState,
};
