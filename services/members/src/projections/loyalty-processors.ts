import type { Processor, Projection, RecordedEvent } from '@cs/eventstore';
import type { OrmTx } from '@cs/nest-common';

/**
 * Several processors run as one: each part sees, in log order, the events it handles. Every
 * processor holds a pooled connection for its lease, so the loyalty side runs two (its read
 * models with their schedule, and its reactions) rather than one per concern.
 */
export function combined(id: string, parts: readonly Processor<OrmTx>[]): Projection<OrmTx> {
  const handles = [...new Set(parts.flatMap((p) => p.handles ?? []))];
  return {
    id,
    handles,
    async handle(events: readonly RecordedEvent[], tx: OrmTx) {
      for (const part of parts) {
        const mine = part.handles ? events.filter((e) => part.handles!.includes(e.type)) : events;
        if (mine.length) await part.handle(mine, tx);
      }
    },
    async reset(tx: OrmTx) {
      for (const part of parts) if ('reset' in part) await (part as Projection<OrmTx>).reset(tx);
    },
  };
}
