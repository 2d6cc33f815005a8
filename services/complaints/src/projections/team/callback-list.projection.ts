import type { Projection, RecordedEvent } from '@cs/eventstore';
import type { OrmTx } from '@cs/nest-common';
import { CALLBACK_STREAM_TYPE } from '../../callback/callback.decider.js';
import type { CallbackEvent } from '../../callback/callback.events.js';
import { callbackLifecycle, type CallbackStatus } from '../../callback/callback.lifecycle.js';

/** One row per call-back: the work lists, the complaint's close check (R23) and the report read it. */
export const callbackListProjection: Projection<OrmTx> = {
  id: 'projection:callback-list:v1',
  async handle(events: readonly RecordedEvent[], tx: OrmTx) {
    for (const recorded of events) {
      if (recorded.streamType !== CALLBACK_STREAM_TYPE) continue;
      const event = { type: recorded.type, data: recorded.data } as CallbackEvent;
      if (event.type === 'CallbackScheduled') {
        const d = event.data;
        await tx.query(
          `insert into callback_list_v1 (callback_id, kind, source_ref, store_id, region_id, member_id, assignee_id, due_at, status, sampled, scheduled_at, version)
           values ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9, $10, $11) on conflict (callback_id) do nothing`,
          [d.callbackId, d.kind, d.sourceRef, d.storeId, d.regionId ?? null, d.memberId ?? null, d.assigneeId ?? null, d.dueAt, d.sampled ?? false, d.at, recorded.streamVersion],
        );
        continue;
      }
      const id = recorded.streamId.slice(CALLBACK_STREAM_TYPE.length + 1);
      const [row] = (await tx.query('select status, version from callback_list_v1 where callback_id = $1', [id])) as Array<{ status: CallbackStatus; version: number }>;
      if (!row || row.version >= recorded.streamVersion) continue;
      const status = callbackLifecycle.statusAfter(event, row.status);
      const settled = callbackLifecycle.isTerminal(status) ? event.data.at : null;
      const sets: string[] = ['status = $2', 'version = $3', 'settled_at = coalesce($4, settled_at)'];
      const values: unknown[] = [id, status, recorded.streamVersion, settled];
      if (event.type === 'CallbackAttemptRecorded') sets.push('attempts = attempts + 1');
      if (event.type === 'CallbackCompleted') {
        values.push(event.data.satisfaction, event.data.satisfied);
        sets.push(`satisfaction = $${values.length - 1}`, `satisfied = $${values.length}`);
      }
      if (event.type === 'CallbackReassigned') {
        values.push(event.data.assigneeId);
        sets.push(`assignee_id = $${values.length}`);
      }
      await tx.query(`update callback_list_v1 set ${sets.join(', ')} where callback_id = $1`, values);
    }
  },
  async reset(tx: OrmTx) {
    await tx.query('delete from callback_list_v1');
  },
};
