/** JetStream stream holding a service's events, e.g. `MEMBERS_EVT`. */
export function eventStreamName(service: string, namePrefix = ''): string {
  return `${namePrefix}${service.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_EVT`;
}
