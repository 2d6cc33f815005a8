import { Injectable } from '@nestjs/common';
import { handleCommand, type Actor, type Timer } from '@cs/eventstore';
import { ServiceHost } from '@cs/nest-common';
import { REPAIR_STREAM_TYPE } from '../repair/repair.decider.js';
import type { RepairClockKind } from '../repair/repair.values.js';
import { repairStream } from '../rpc/after-sales-stream.js';

const REPAIR_CLOCK: Actor = { id: 'system:repair-clock', role: 'system', name: 'Repair clock' };

/**
 * A fired repair timer becomes a command on the repair, stamped at the timer's due instant (not
 * whenever the worker noticed). The timer id is the command id: a refire after a crash is answered
 * from the command log without a second event.
 */
@Injectable()
export class RepairTimerHandler {
  constructor(private readonly host: ServiceHost) {}

  async fire(timer: Timer): Promise<void> {
    const requestId = timer.streamId.slice(REPAIR_STREAM_TYPE.length + 1);
    const { clock, dueAt } = timer.payload as { clock: RepairClockKind; dueAt: string };
    const command = { type: 'RecordRepairBreach' as const, requestId, clock, dueAt, now: timer.dueAt.toISOString(), actor: REPAIR_CLOCK };
    await handleCommand(this.host.store, repairStream.spec(requestId), command, {
      commandId: `timer:${timer.timerId}`,
      metadata: { actor: REPAIR_CLOCK, occurredAt: command.now, causationId: timer.timerId },
    });
    this.host.poke();
  }
}
