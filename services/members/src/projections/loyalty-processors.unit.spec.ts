import type { Processor, Projection, RecordedEvent } from '@cs/eventstore';
import type { OrmTx } from '@cs/nest-common';
import { combined } from './loyalty-processors.js';

const event = (type: string, n: number) => ({ type, globalPosition: String(n) }) as unknown as RecordedEvent;
const tx = {} as OrmTx;

function part(handles: string[], seen: string[], resettable: boolean): Processor<OrmTx> | Projection<OrmTx> {
  const base = { id: handles.join('+'), handles, handle: async (events: readonly RecordedEvent[]) => void seen.push(...events.map((e) => `${handles[0]}:${e.type}`)) };
  return resettable ? { ...base, reset: async () => void seen.push(`reset:${handles[0]}`) } : base;
}

describe('combined processors', () => {
  it('should give each part the events it handles, in log order, part by part', async () => {
    const seen: string[] = [];
    const p = combined('x', [part(['A'], seen, true), part(['B', 'A'], seen, true)]);
    expect(p.handles).toEqual(['A', 'B']);
    await p.handle([event('A', 1), event('B', 2), event('C', 3), event('A', 4)], tx);
    expect(seen).toEqual(['A:A', 'A:A', 'B:A', 'B:B', 'B:A']);
  });

  it('should be rebuildable only when every part is a projection', async () => {
    const seen: string[] = [];
    const projections = combined('x', [part(['A'], seen, true), part(['B'], seen, true)]) as Projection<OrmTx>;
    await projections.reset(tx);
    expect(seen).toEqual(['reset:A', 'reset:B']);
    expect('reset' in combined('y', [part(['A'], seen, true), part(['B'], seen, false)])).toBe(false);
  });
});
