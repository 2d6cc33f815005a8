import { Inject, Injectable } from '@nestjs/common';
import type { LoadedAggregate } from '@cs/eventstore';
import { ServiceHost } from '@cs/nest-common';
import { COMPLAINTS_CONFIG } from '../complaints.tokens.js';
import type { ComplaintsConfig } from '../config/complaints.config.js';
import { DEFAULT_WARNING_RATIO, type SlaPolicy } from '../sla/sla-policy.js';
import { workingCalendar, type WorkingCalendar } from '../sla/working-calendar.js';
import { slaPolicyStream, workingCalendarStream } from './sla-config.streams.js';
import type { SlaPolicyState } from './sla-policy/sla-policy.state.js';
import type { WorkingCalendarState } from './working-calendar/working-calendar.state.js';
import { DEFAULT_CALENDAR_ID } from './working-calendar/working-calendar.values.js';

/** A policy as it applies now: `version` 0 is the configured default, n the n-th definition. */
export interface PolicyInForce extends SlaPolicy {
  warningRatio: number;
  definedAt?: string;
  definedBy?: string;
}

export interface CalendarInForce {
  id: string;
  version: number;
  calendar: WorkingCalendar;
  definedAt?: string;
  definedBy?: string;
}

/** What intake computes the clocks from. */
export interface IntakeConfig {
  policy: PolicyInForce | undefined;
  calendar: CalendarInForce;
}

/**
 * SLA policies and the working calendar in force, folded from their streams, falling back to the
 * configured defaults at version 0. Intake keeps them in a cache checked against the streams'
 * current versions, which the filing command reads with its own stream: a definition made by any
 * replica is used by the next complaint filed, and an unchanged one costs no round trip.
 */
@Injectable()
export class SlaConfigService {
  private readonly intakePolicies = new Map<string, PolicyInForce>();
  private intakeCalendar: CalendarInForce | undefined;

  constructor(
    private readonly host: ServiceHost,
    @Inject(COMPLAINTS_CONFIG) private readonly config: ComplaintsConfig,
  ) {}

  /** The policy in force, or undefined when it is neither configured nor defined. */
  async policy(policyId: string, asOf?: Date): Promise<PolicyInForce | undefined> {
    return this.policyFrom(policyId, await slaPolicyStream.load(this.host, policyId, asOf));
  }

  /** The streams whose versions `forIntake` checks its cache against. */
  intakeStreams(policyId: string): [policyStream: string, calendarStream: string] {
    return [slaPolicyStream.streamId(policyId), workingCalendarStream.streamId(DEFAULT_CALENDAR_ID)];
  }

  /**
   * The policy and the working calendar in force now, read in one round trip (and cached); given
   * the current versions of `intakeStreams`, from the cache when both are still at those versions.
   */
  async forIntake(policyId: string, versions?: ReadonlyMap<string, number>): Promise<IntakeConfig> {
    const [policyStream, calendarStream] = this.intakeStreams(policyId);
    const cachedPolicy = this.intakePolicies.get(policyId);
    const cachedCalendar = this.intakeCalendar;
    if (cachedPolicy && cachedCalendar && cachedPolicy.version === versions?.get(policyStream) && cachedCalendar.version === versions.get(calendarStream)) {
      return { policy: cachedPolicy, calendar: cachedCalendar };
    }
    const reads = await this.host.store.readStreams([policyStream, calendarStream]);
    const policy = this.policyFrom(policyId, slaPolicyStream.fromRead(reads.get(policyStream)!));
    const calendar = this.calendarFrom(DEFAULT_CALENDAR_ID, workingCalendarStream.fromRead(reads.get(calendarStream)!));
    // only policies that exist are kept: unknown ids asked for cannot grow the cache
    if (policy) this.intakePolicies.set(policyId, policy);
    this.intakeCalendar = calendar;
    return { policy, calendar };
  }

  private policyFrom(policyId: string, { state, version }: LoadedAggregate<SlaPolicyState>): PolicyInForce | undefined {
    if (state) {
      const { policyId: id, ...rest } = state.definition;
      return { id, version, ...rest, definedAt: state.definedAt, definedBy: state.definedBy };
    }
    const configured = this.config.slaPolicies[policyId];
    if (!configured) return undefined;
    return {
      id: policyId,
      version: 0,
      firstResponse: configured.firstResponse,
      resolution: configured.resolution,
      warningRatio: configured.warningRatio ?? DEFAULT_WARNING_RATIO,
    };
  }

  /** Every configured policy plus every defined one, by id. */
  async policies(): Promise<PolicyInForce[]> {
    const { rows } = await this.host.pool.query<{ stream_id: string }>('select stream_id from es_streams where stream_type = $1 and version > 0', [
      slaPolicyStream.streamType,
    ]);
    const defined = rows.map((r) => r.stream_id.slice(slaPolicyStream.streamType.length + 1));
    const ids = [...new Set([...Object.keys(this.config.slaPolicies), ...defined])].sort();
    const policies = await Promise.all(ids.map((id) => this.policy(id)));
    return policies.filter((p): p is PolicyInForce => p !== undefined);
  }

  async calendar(calendarId: string = DEFAULT_CALENDAR_ID, asOf?: Date): Promise<CalendarInForce> {
    return this.calendarFrom(calendarId, await workingCalendarStream.load(this.host, calendarId, asOf));
  }

  private calendarFrom(calendarId: string, { state, version }: LoadedAggregate<WorkingCalendarState>): CalendarInForce {
    if (state) {
      return { id: calendarId, version, calendar: workingCalendar(state.calendar), definedAt: state.definedAt, definedBy: state.definedBy };
    }
    return { id: calendarId, version: 0, calendar: workingCalendar(this.config.calendar) };
  }
}
