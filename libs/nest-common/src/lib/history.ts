import type { RecordedEvent } from '@cs/eventstore';

export interface HistoryItem {
  version: number;
  type: string;
  at: string;
  actor: { id: string; role: string; name?: string } | null;
  data: Record<string, unknown>;
}

/** An aggregate's events as its history: what happened, when, and who did it. */
export function toHistory(events: readonly RecordedEvent[], redact: (event: RecordedEvent) => Record<string, unknown> = (e) => e.data as Record<string, unknown>): HistoryItem[] {
  return events.map((e) => ({
    version: e.streamVersion,
    type: e.type,
    at: (e.metadata.occurredAt as string | undefined) ?? e.recordedAt.toISOString(),
    actor: e.metadata.actor ? { id: e.metadata.actor.id, role: e.metadata.actor.role, name: e.metadata.actor.name } : null,
    data: redact(e),
  }));
}
