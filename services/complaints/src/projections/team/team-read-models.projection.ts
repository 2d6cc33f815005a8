import type { Processor, Projection, RecordedEvent } from '@cs/eventstore';
import type { OrmTx } from '@cs/nest-common';

/**
 * Several read models kept by one processor: one checkpoint, one transaction per batch, and one
 * database connection held for the processor's lease instead of one each (the pool is small).
 */
export function composedProjection(id: string, parts: ReadonlyArray<Projection<OrmTx> | Processor<OrmTx>>): Projection<OrmTx> {
  const wanted = (part: Processor<OrmTx>, e: RecordedEvent) => !part.handles || part.handles.includes(e.type);
  // the union of what the parts handle, so a batch none of them wants needs no transaction
  const handles = parts.every((part) => part.handles) ? [...new Set(parts.flatMap((part) => part.handles ?? []))] : undefined;
  return {
    id,
    ...(handles ? { handles } : {}),
    // read models, timer rows and the outbox: every effect goes through the transaction
    sharesTransaction: true,
    async handle(events: readonly RecordedEvent[], tx: OrmTx) {
      for (const part of parts) {
        const mine = events.filter((e) => wanted(part, e));
        if (mine.length) await part.handle(mine, tx);
      }
    },
    async reset(tx: OrmTx) {
      for (const part of parts) if ('reset' in part) await part.reset(tx);
    },
  };
}
