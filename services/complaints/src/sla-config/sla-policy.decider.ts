import type { Decider } from '@cs/eventstore';
import { DEFAULT_WARNING_RATIO, type SlaDuration } from '../sla/sla-policy.js';
import type { DefineSlaPolicy, SlaPolicyCommand } from './sla-policy.commands.js';
import type { SlaPolicyDefinition, SlaPolicyEvent } from './sla-policy.events.js';
import { invalid, requireConfigRole, SlaConfigErrorCodes as E } from './sla-config.errors.js';

export const SLA_POLICY_STREAM_TYPE = 'sla-policy';
export const SLA_POLICY_ID_PATTERN = /^[a-z][a-z0-9_-]{0,31}$/;
/** [PROPOSED] bounds: up to 60 days expressed in hours, 1..60 working days. */
export const SLA_MAX_HOURS = 24 * 60;
export const SLA_MAX_WORKING_DAYS = 60;

export function slaPolicyStreamId(policyId: string): string {
  return `${SLA_POLICY_STREAM_TYPE}-${policyId}`;
}

/** Null until the first definition; the configured default applies meanwhile. */
export interface SlaPolicyState {
  definition: SlaPolicyDefinition | null;
  definedAt?: string;
  definedBy?: string;
}

export const initialSlaPolicyState = (): SlaPolicyState => ({ definition: null });

function validHours(hours: unknown, field: string): number {
  if (typeof hours !== 'number' || !Number.isFinite(hours) || hours <= 0 || hours > SLA_MAX_HOURS) {
    throw invalid(E.INVALID_DURATION, `${field} must be more than 0 and at most ${SLA_MAX_HOURS} hours`, { field });
  }
  return hours;
}

function validResolution(resolution: DefineSlaPolicy['resolution']): SlaDuration {
  const { hours, workingDays } = resolution;
  if ((hours === undefined) === (workingDays === undefined)) {
    throw invalid(E.INVALID_DURATION, 'resolution takes exactly one of hours and workingDays', { field: 'resolution' });
  }
  if (hours !== undefined) return { hours: validHours(hours, 'resolution.hours') };
  if (!Number.isInteger(workingDays) || workingDays! < 1 || workingDays! > SLA_MAX_WORKING_DAYS) {
    throw invalid(E.INVALID_DURATION, `resolution.workingDays must be a whole number from 1 to ${SLA_MAX_WORKING_DAYS}`, {
      field: 'resolution.workingDays',
    });
  }
  return { workingDays: workingDays! };
}

function validDefinition(command: DefineSlaPolicy): SlaPolicyDefinition {
  if (!SLA_POLICY_ID_PATTERN.test(command.policyId)) {
    throw invalid(E.INVALID_POLICY_ID, `${command.policyId} is not a valid policy id`, { field: 'policyId' });
  }
  const warningRatio = command.warningRatio ?? DEFAULT_WARNING_RATIO;
  if (!Number.isFinite(warningRatio) || warningRatio <= 0 || warningRatio >= 1) {
    throw invalid(E.INVALID_WARNING_RATIO, 'warningRatio must be between 0 and 1, both excluded', { field: 'warningRatio' });
  }
  return {
    policyId: command.policyId,
    firstResponse: { hours: validHours(command.firstResponse?.hours, 'firstResponse.hours') },
    resolution: validResolution(command.resolution ?? {}),
    warningRatio,
  };
}

function sameDefinition(a: SlaPolicyDefinition, b: SlaPolicyDefinition): boolean {
  const resolutionOf = (d: SlaDuration) => ('hours' in d ? `h${d.hours}` : `wd${d.workingDays}`);
  return (
    a.policyId === b.policyId &&
    a.firstResponse.hours === b.firstResponse.hours &&
    resolutionOf(a.resolution) === resolutionOf(b.resolution) &&
    a.warningRatio === b.warningRatio
  );
}

export function decideSlaPolicy(command: SlaPolicyCommand, state: SlaPolicyState): SlaPolicyEvent[] {
  switch (command.type) {
    case 'DefineSlaPolicy': {
      requireConfigRole(command.actor);
      const definition = validDefinition(command);
      // an identical definition would bump the version of a policy that did not change
      if (state.definition && sameDefinition(state.definition, definition)) return [];
      return [{ type: 'SlaPolicyDefined', data: { ...definition, at: command.now, by: command.actor.id } }];
    }
    default: {
      // a single-member union does not narrow as a whole: check its discriminant
      const _exhaustive: never = command.type;
      throw new Error(`Unhandled command ${String(_exhaustive)}`);
    }
  }
}

export function evolveSlaPolicy(state: SlaPolicyState, event: SlaPolicyEvent): SlaPolicyState {
  switch (event.type) {
    case 'SlaPolicyDefined': {
      const { at, by, ...definition } = event.data;
      return { definition, definedAt: at, definedBy: by };
    }
    default: {
      const _exhaustive: never = event.type;
      return state;
    }
  }
}

export const slaPolicyDecider: Decider<SlaPolicyState, SlaPolicyCommand, SlaPolicyEvent> = {
  decide: decideSlaPolicy,
  evolve: evolveSlaPolicy,
  initialState: initialSlaPolicyState,
};
