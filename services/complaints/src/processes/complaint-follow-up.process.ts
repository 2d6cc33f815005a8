import { Inject, Injectable } from '@nestjs/common';
import { DomainError, handleCommand, type Actor, type Processor, type RecordedEvent } from '@cs/eventstore';
import { ServiceHost, type OrmTx } from '@cs/nest-common';
import type { CallbackEvent } from '../callback/callback.events.js';
import { COMPLAINT_STREAM_TYPE } from '../complaint/complaint.decider.js';
import { complaintStream } from '../rpc/complaint-stream.js';
import type { ComplaintCommand } from '../complaint/complaint.commands.js';
import type { ComplaintEvent } from '../complaint/complaint.events.js';
import type { Complaint } from '../complaint/complaint.state.js';
import { callbackDueAt, COMPLAINTS_TEAM_CONFIG, type ComplaintsTeamConfig } from '../config/team.config.js';
import { autoEscalationTarget } from '../notifications/notification-plan.js';
import { ownerAtLevel } from '../routing/complaint-routing.js';
import { SlaConfigService } from '../sla-config/sla-config.service.js';
import { computeSlaClocks } from '../sla/sla-policy.js';
import { callbackStream, caseEntryStream } from '../team/team-streams.js';

const FOLLOW_UP: Actor = { id: 'system:complaint-follow-up', role: 'system', name: 'Complaint follow-up' };

const complaintSpec = (complaintId: string) => complaintStream.spec(complaintId);

/** A business refusal ends the step (the case moved on); anything else is retried by the runner. */
async function unlessRefused(step: () => Promise<unknown>): Promise<void> {
  try {
    await step();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
  }
}

/** The call-back owed for a resolution: one per resolution (a reopening is followed by a new one), known from the case itself. */
export const callbackIdForResolution = (c: { complaintId: string; reopenCount: number }): string => `complaint-${c.complaintId}-${c.reopenCount + 1}`;
export const caseIdForComplaint = (complaintId: string): string => `case-${complaintId}`;

/**
 * What follows from a complaint's own events (a process over the service's log; every command
 * carries an id derived from the event, so a replay after a crash decides nothing twice):
 * - resolved → its call-back is scheduled (R23), due after the configured delay;
 * - the call-back found the customer unsatisfied → the complaint is reopened with a fresh clock;
 * - closed → a case-library draft, personal data stripped (§1.7.4);
 * - merged or unmerged → the case that goes on records it;
 * - a breach → the configured breach rule escalates it to the person at the next level.
 */
@Injectable()
export class ComplaintFollowUp {
  constructor(
    private readonly host: ServiceHost,
    private readonly slaConfig: SlaConfigService,
    @Inject(COMPLAINTS_TEAM_CONFIG) private readonly config: ComplaintsTeamConfig,
  ) {}

  processor(): Processor<OrmTx> {
    return {
      id: 'process:complaint-follow-up:v1',
      handles: ['ComplaintResolved', 'ComplaintClosed', 'ComplaintMerged', 'ComplaintUnmerged', 'SlaBreached', 'CallbackCompleted'],
      handle: async (events) => {
        for (const recorded of events) await this.follow(recorded);
        this.host.poke();
      },
    };
  }

  private async follow(recorded: RecordedEvent): Promise<void> {
    if (recorded.streamType === 'callback') {
      const event = { type: recorded.type, data: recorded.data } as CallbackEvent;
      if (event.type === 'CallbackCompleted' && !event.data.satisfied) await this.reopenAfterCallback(recorded);
      return;
    }
    if (recorded.streamType !== COMPLAINT_STREAM_TYPE) return;
    const event = { type: recorded.type, data: recorded.data } as ComplaintEvent;
    const complaint = await this.complaintAt(recorded);
    if (!complaint) return;
    switch (event.type) {
      case 'ComplaintResolved':
        return this.scheduleCallback(recorded, complaint, event.data.resolvedAt);
      case 'ComplaintClosed':
        return this.draftCase(recorded, complaint);
      case 'ComplaintMerged':
      case 'ComplaintUnmerged': {
        const target = event.type === 'ComplaintMerged' ? event.data.intoComplaintId : event.data.fromComplaintId;
        const action = event.type === 'ComplaintMerged' ? ('merged' as const) : ('unmerged' as const);
        return this.run(recorded, target, { type: 'RecordMergedCase', complaintId: target, mergedComplaintId: complaint.complaintId, action, now: event.data.at, actor: FOLLOW_UP });
      }
      case 'SlaBreached': {
        const toLevel = autoEscalationTarget(event.data.clock, complaint.escalationLevel, this.config.autoEscalation);
        if (!toLevel) return;
        const person = ownerAtLevel(toLevel, { ...complaint, filer: { id: complaint.assigneeId ?? complaint.receivedBy } }, this.config.roster);
        return this.run(recorded, complaint.complaintId, {
          type: 'EscalateComplaint',
          complaintId: complaint.complaintId,
          toLevel,
          reason: `${event.data.clock === 'first_response' ? 'First response' : 'Resolution'} SLA breached (breach rule)`,
          assignTo: person ? { id: person.id, name: person.name, rule: 'breach_rule' } : undefined,
          now: event.data.at,
          actor: FOLLOW_UP,
        });
      }
      default:
        return;
    }
  }

  private async complaintAt(recorded: RecordedEvent): Promise<Complaint | null> {
    const read = await this.host.store.readStream(recorded.streamId);
    return complaintStream.fold(read.events.filter((e) => e.streamVersion <= recorded.streamVersion));
  }

  private async run(recorded: RecordedEvent, complaintId: string, command: ComplaintCommand): Promise<void> {
    await unlessRefused(() =>
      handleCommand(this.host.store, complaintSpec(complaintId), command, {
        commandId: `follow-up:${recorded.eventId}:${command.type}`,
        metadata: { actor: FOLLOW_UP, occurredAt: command.now, causationId: recorded.eventId, correlationId: recorded.metadata.correlationId },
      }),
    );
  }

  private async scheduleCallback(recorded: RecordedEvent, c: Complaint, resolvedAt: string): Promise<void> {
    const callbackId = callbackIdForResolution(c);
    await unlessRefused(() =>
      handleCommand(
        this.host.store,
        callbackStream.spec(callbackId),
        {
          type: 'ScheduleCallback',
          callbackId,
          kind: 'complaint',
          sourceRef: c.complaintId,
          storeId: c.storeId,
          regionId: c.regionId,
          memberId: c.memberId,
          customer: c.customer,
          assigneeId: c.assigneeId,
          dueAt: callbackDueAt(this.config, 'complaint', resolvedAt),
          maxAttempts: this.config.callbackMaxAttempts,
          now: resolvedAt,
          actor: FOLLOW_UP,
        },
        { commandId: `follow-up:${recorded.eventId}:ScheduleCallback`, metadata: { actor: FOLLOW_UP, occurredAt: resolvedAt, causationId: recorded.eventId } },
      ),
    );
  }

  private async draftCase(recorded: RecordedEvent, c: Complaint): Promise<void> {
    const caseId = caseIdForComplaint(c.complaintId);
    const now = (recorded.data as { at: string }).at;
    // the member's name, as the directory projected it from members' events, is stripped too
    const member = c.memberId ? ((await this.host.dataSource.query('select name from member_directory where member_id = $1', [c.memberId])) as Array<{ name: string }>)[0] : undefined;
    await unlessRefused(() =>
      handleCommand(
        this.host.store,
        caseEntryStream.spec(caseId),
        {
          type: 'DraftCaseEntry',
          caseId,
          fromComplaint: {
            complaintId: c.complaintId,
            closed: true,
            category: c.category,
            storeId: c.storeId,
            regionId: c.regionId,
            description: c.description,
            resolution: c.outcome,
            personalNames: [c.customer?.name, member?.name, c.assigneeName].filter((n): n is string => !!n),
          },
          now,
          actor: FOLLOW_UP,
        },
        { commandId: `follow-up:${recorded.eventId}:DraftCaseEntry`, metadata: { actor: FOLLOW_UP, occurredAt: now, causationId: recorded.eventId } },
      ),
    );
  }

  private async reopenAfterCallback(recorded: RecordedEvent): Promise<void> {
    const { state: callback } = await callbackStream.load(this.host, recorded.streamId.slice('callback-'.length));
    if (!callback || callback.kind !== 'complaint') return;
    const complaintId = callback.sourceRef;
    const now = (recorded.data as { at: string }).at;
    const { state: complaint } = await complaintStream.load(this.host, complaintId);
    if (!complaint) return;
    const { policy, calendar } = await this.slaConfig.forIntake(complaint.sla.policyId);
    const clocks = policy ? computeSlaClocks(policy, calendar.calendar, now) : undefined;
    await this.run(recorded, complaintId, {
      type: 'ReopenAfterCallback',
      complaintId,
      callbackId: callback.callbackId,
      reason: `The call-back found the customer unsatisfied (${(recorded.data as { satisfaction: number }).satisfaction}/5)`,
      resolution: clocks ? { dueAt: clocks.resolutionDueAt, warnAt: clocks.resolutionWarnAt } : undefined,
      now,
      actor: FOLLOW_UP,
    });
  }
}
