/** Event subjects of a producing service: `<service>.evt.<EventType>.v<major>`. */
export function eventSubject(service: string, eventType: string, version: number): string {
  return `${service}.evt.${eventType}.v${version}`;
}

/** JetStream stream holding a service's events, e.g. `MEMBERS_EVT`. */
export function eventStreamName(service: string, namePrefix = ''): string {
  return `${namePrefix}${service.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_EVT`;
}
