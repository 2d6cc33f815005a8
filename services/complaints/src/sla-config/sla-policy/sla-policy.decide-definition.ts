import { DEFAULT_WARNING_RATIO, type SlaDuration } from '../../sla/sla-policy.js';
import { mayChangeSlaConfig } from '../sla-config.values.js';
import type { DefineSlaPolicy } from './sla-policy.commands.js';
import { invalidDuration, invalidPolicyId, invalidWarningRatio, slaConfigForbidden } from './sla-policy.errors.js';
import type { SlaPolicyDefinition, SlaPolicyEvent } from './sla-policy.events.js';
import type { SlaPolicyState } from './sla-policy.state.js';
import { SLA_MAX_HOURS, SLA_MAX_WORKING_DAYS, SLA_POLICY_ID_PATTERN } from './sla-policy.values.js';

function validHours(hours: unknown, field: string): number {
  if (typeof hours !== 'number' || !Number.isFinite(hours) || hours <= 0 || hours > SLA_MAX_HOURS) {
    throw invalidDuration(field, `${field} must be more than 0 and at most ${SLA_MAX_HOURS} hours`);
  }
  return hours;
}

function validResolution(resolution: DefineSlaPolicy['resolution']): SlaDuration {
  const { hours, workingDays } = resolution;
  if ((hours === undefined) === (workingDays === undefined)) {
    throw invalidDuration('resolution', 'resolution takes exactly one of hours and workingDays');
  }
  if (hours !== undefined) return { hours: validHours(hours, 'resolution.hours') };
  if (!Number.isInteger(workingDays) || workingDays! < 1 || workingDays! > SLA_MAX_WORKING_DAYS) {
    throw invalidDuration('resolution.workingDays', `resolution.workingDays must be a whole number from 1 to ${SLA_MAX_WORKING_DAYS}`);
  }
  return { workingDays: workingDays! };
}

function validDefinition(command: DefineSlaPolicy): SlaPolicyDefinition {
  if (!SLA_POLICY_ID_PATTERN.test(command.policyId)) throw invalidPolicyId(command.policyId);
  const warningRatio = command.warningRatio ?? DEFAULT_WARNING_RATIO;
  if (!Number.isFinite(warningRatio) || warningRatio <= 0 || warningRatio >= 1) throw invalidWarningRatio();
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

export function decideDefineSlaPolicy(command: DefineSlaPolicy, state: SlaPolicyState): SlaPolicyEvent[] {
  if (!mayChangeSlaConfig(command.actor)) throw slaConfigForbidden(command.actor.role);
  const definition = validDefinition(command);
  // an identical definition would bump the version of a policy that did not change
  if (state && sameDefinition(state.definition, definition)) return [];
  return [{ type: 'SlaPolicyDefined', data: { ...definition, at: command.now, by: command.actor.id } }];
}
