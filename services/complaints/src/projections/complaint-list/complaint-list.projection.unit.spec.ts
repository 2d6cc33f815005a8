import type { RecordedEvent } from '@cs/eventstore';
import type { OrmTx } from '@cs/nest-common';
import type { FindOperator } from 'typeorm';
import { complaintListProjection } from './complaint-list.projection.js';
import type { ComplaintListRow } from './complaint-list.entity.js';

/** A repository over a Map that counts its statements. */
function fakeTx() {
  const table = new Map<string, ComplaintListRow>();
  const statements: string[] = [];
  const repo = {
    async findBy(where: { complaintId: FindOperator<string[]> }) {
      statements.push('select');
      return (where.complaintId.value as string[]).filter((id) => table.has(id)).map((id) => structuredClone(table.get(id)!));
    },
    async upsert(rows: ComplaintListRow[]) {
      statements.push('upsert');
      for (const row of rows) table.set(row.complaintId, structuredClone(row));
    },
  };
  const tx = { em: { getRepository: () => repo }, query: async () => [] } as unknown as OrmTx;
  return { tx, table, statements };
}

let position = 0;
const recorded = (id: string, version: number, type: string, data: Record<string, unknown>): RecordedEvent =>
  ({ streamId: `complaint-${id}`, streamType: 'complaint', streamVersion: version, type, data, globalPosition: String(++position) }) as unknown as RecordedEvent;

const filed = (id: string) =>
  recorded(id, 1, 'ComplaintFiled', {
    complaintId: id,
    complaintNo: `TS-${id}`,
    storeId: 'S001',
    regionId: 'R1',
    channel: 'phone',
    source: 'hq',
    severity: 'P3',
    escalationLevel: 'L1',
    receivedAt: '2026-06-01T01:00:00.000Z',
    firstResponseDueAt: '2026-06-02T01:00:00.000Z',
    resolutionDueAt: '2026-06-03T01:00:00.000Z',
    slaPolicyId: 'chain',
  });

describe('complaint list projection', () => {
  const batch = [
    filed('c1'),
    recorded('c1', 2, 'ComplaintClassified', { category: 'PRODUCT_QUALITY', severity: 'P2' }),
    filed('c2'),
    recorded('c1', 3, 'ComplaintAssigned', { assigneeId: 'agent-7', assigneeName: 'Wang' }),
    recorded('c2', 2, 'ComplaintEscalated', { toLevel: 'L2' }),
  ];

  it('given a batch of several complaints, applies every event in order with one read and one write', async () => {
    const { tx, table, statements } = fakeTx();
    await complaintListProjection.handle(batch, tx);
    expect(statements).toEqual(['select', 'upsert']);
    expect(table.get('c1')).toMatchObject({ category: 'PRODUCT_QUALITY', severity: 'P2', assigneeId: 'agent-7', assigneeName: 'Wang', version: 3, closedAt: null });
    expect(table.get('c2')).toMatchObject({ escalationLevel: 'L2', escalated: true, version: 2 });
  });

  it('given the batch again (a redelivery), changes nothing and writes nothing', async () => {
    const { tx, table, statements } = fakeTx();
    await complaintListProjection.handle(batch, tx);
    const before = structuredClone([...table.values()]);
    await complaintListProjection.handle(batch, tx);
    expect([...table.values()]).toEqual(before);
    expect(statements).toEqual(['select', 'upsert', 'select']);
  });

  it('given events of other streams only, sends no statement', async () => {
    const { tx, statements } = fakeTx();
    await complaintListProjection.handle([{ ...filed('x'), streamType: 'sla-policy' } as RecordedEvent], tx);
    expect(statements).toEqual([]);
  });
});
