import type { RecordedEvent } from '@cs/eventstore';
import type { OrmTx } from '@cs/nest-common';
import { slaTimersProcessor } from './sla-timers.processor.js';

/** Records the statements the processor sends, in order. */
function recordingTx() {
  const statements: { sql: string; params: unknown[] }[] = [];
  const tx = { query: async (sql: string, params: unknown[] = []) => void statements.push({ sql, params }) } as unknown as OrmTx;
  return { tx, statements };
}

const filed = (id: string) =>
  ({
    streamId: `complaint-${id}`,
    streamType: 'complaint',
    streamVersion: 1,
    type: 'ComplaintFiled',
    data: {
      complaintId: id,
      firstResponseWarnAt: '2026-06-01T20:00:00.000Z',
      firstResponseDueAt: '2026-06-02T01:00:00.000Z',
      resolutionWarnAt: '2026-06-02T16:00:00.000Z',
      resolutionDueAt: '2026-06-03T01:00:00.000Z',
    },
  }) as unknown as RecordedEvent;
const answered = (id: string) => ({ streamId: `complaint-${id}`, streamType: 'complaint', streamVersion: 2, type: 'FirstResponseSent', data: {} }) as unknown as RecordedEvent;

describe('SLA timers processor', () => {
  it('given a batch of filed complaints, arms all their clocks in one statement', async () => {
    const { tx, statements } = recordingTx();
    await slaTimersProcessor.handle([filed('a'), filed('b'), filed('c')], tx);
    expect(statements).toHaveLength(1);
    expect(statements[0].sql).toMatch(/insert into es_timers/i);
    expect(JSON.stringify(statements[0].params)).toContain('complaint-c:sla.resolution.breach');
  });

  it('given a complaint filed and answered in one batch, arms its clocks before disarming the first-response clock', async () => {
    const { tx, statements } = recordingTx();
    await slaTimersProcessor.handle([filed('a'), answered('a'), filed('b')], tx);
    expect(statements.map((s) => (/insert/i.test(s.sql) ? 'arm' : 'cancel'))).toEqual(['arm', 'cancel', 'arm']);
    expect(statements[1].params).toEqual(expect.arrayContaining(['complaint-a']));
  });
});
