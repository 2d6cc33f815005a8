import { Injectable } from '@nestjs/common';
import { handleCommand, type Actor, type Timer } from '@cs/eventstore';
import { ServiceHost } from '@cs/nest-common';
import { COMPLAINT_STREAM_TYPE } from '../complaint/complaint.decider.js';
import { complaintStream } from '../rpc/complaint-stream.js';
import { TEAM_TIMER_KIND } from '../projections/team/team-timers.processor.js';
import { callbackStream, staffComplaintStream } from '../team/team-streams.js';

const TIMER: Actor = { id: 'system:team-timer', role: 'system', name: 'Team timers' };

/**
 * Turns a fired team timer into its command, stamped at the due instant. The timer id is the
 * command id: a refire after a crash is answered from the command log without a second event.
 */
@Injectable()
export class TeamTimerHandler {
  constructor(private readonly host: ServiceHost) {}

  handles(timer: Timer): boolean {
    return Object.values(TEAM_TIMER_KIND).some((k) => timer.kind.startsWith(k));
  }

  async fire(timer: Timer): Promise<void> {
    const now = timer.dueAt.toISOString();
    const options = { commandId: `timer:${timer.timerId}`, metadata: { actor: TIMER, occurredAt: now, causationId: timer.timerId } };
    const id = (prefix: string) => timer.streamId.slice(prefix.length + 1);
    if (timer.kind.startsWith(TEAM_TIMER_KIND.promiseOverdue)) {
      const complaintId = id(COMPLAINT_STREAM_TYPE);
      const promiseNo = Number(timer.payload['promiseNo']);
      await handleCommand(this.host.store, complaintStream.spec(complaintId), { type: 'RecordPromiseOverdue' as const, complaintId, promiseNo, now, actor: TIMER }, options);
    } else if (timer.kind.startsWith(TEAM_TIMER_KIND.secondCallDue)) {
      const staffComplaintId = id('staff-complaint');
      await handleCommand(this.host.store, staffComplaintStream.spec(staffComplaintId), { type: 'MarkSecondCallOverdue' as const, staffComplaintId, now, actor: TIMER }, options);
    } else if (timer.kind.startsWith(TEAM_TIMER_KIND.callbackDue)) {
      const callbackId = id('callback');
      await handleCommand(this.host.store, callbackStream.spec(callbackId), { type: 'MarkCallbackOverdue' as const, callbackId, now, actor: TIMER }, options);
    }
    this.host.poke();
  }
}
