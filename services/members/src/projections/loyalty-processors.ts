import type { Processor, Projection, RecordedEvent } from '@cs/eventstore';
import type { OrmTx } from '@cs/nest-common';

/**
 * Several processors run as one: each part sees, in log order, the events it handles. Every
 * processor holds a pooled connection for its lease, so the loyalty side runs two (its read
 * models with their schedule, and its reactions) rather than one per concern. The result is a
 * projection (it can be rebuilt) only when every part is one: reactions must never be replayed.
 */
export function combined(id: string, parts: readonly Processor<OrmTx>[]): Processor<OrmTx> | Projection<OrmTx> {
  const handles = [...new Set(parts.flatMap((p) => p.handles ?? []))];
  const processor: Processor<OrmTx> = {
    id,
    handles,
    async handle(events: readonly RecordedEvent[], tx: OrmTx) {
      for (const part of parts) {
        const mine = part.handles ? events.filter((e) => part.handles!.includes(e.type)) : events;
        if (mine.length) await part.handle(mine, tx);
      }
    },
  };
  const projections = parts.filter((p): p is Projection<OrmTx> => 'reset' in p);
  if (projections.length !== parts.length) return processor;
  return {
    ...processor,
    async reset(tx: OrmTx) {
      for (const part of projections) await part.reset(tx);
    },
  };
}
