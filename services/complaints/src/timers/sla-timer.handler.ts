import { Injectable } from '@nestjs/common';
import { handleCommand, type Actor, type Timer } from '@cs/eventstore';
import { ServiceHost } from '@cs/nest-common';
import type { SlaClock } from '../complaint/complaint.values.js';
import { SLA_TIMER_KIND } from '../projections/sla-timers/sla-timers.processor.js';
import { complaintStream } from '../rpc/complaint-stream.js';

const SLA_SYSTEM: Actor = { id: 'system:sla-timer', role: 'system', name: 'SLA clock' };

/**
 * Turns a fired SLA timer into a command on the complaint, stamped at the timer's due instant
 * (not at whenever the worker noticed). The timer id is the command id: a refire after a crash
 * is answered from the command log without a second event.
 */
@Injectable()
export class SlaTimerHandler {
  constructor(private readonly host: ServiceHost) {}

  async fire(timer: Timer): Promise<void> {
    const complaintId = timer.streamId.replace(/^complaint-/, '');
    const { clock, dueAt } = timer.payload as { clock: SlaClock; dueAt: string };
    const warning = timer.kind === SLA_TIMER_KIND.firstResponseWarning || timer.kind === SLA_TIMER_KIND.resolutionWarning;
    const command = {
      type: warning ? ('RecordSlaWarning' as const) : ('RecordSlaBreach' as const),
      complaintId,
      clock,
      dueAt,
      now: timer.dueAt.toISOString(),
      actor: SLA_SYSTEM,
    };
    await handleCommand(this.host.store, complaintStream.spec(complaintId), command, {
      commandId: `timer:${timer.timerId}`,
      metadata: { actor: SLA_SYSTEM, occurredAt: command.now, causationId: timer.timerId },
    });
    this.host.poke();
  }
}
