import { countStatements, createTestDatabase, type TestDatabase } from '@cs/testing';
import { SequenceBlock } from './sequence-block.js';

describe('numbers reserved a block at a time', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('seqblock');
    await db.pool.query('create sequence numbers_seq increment by 5');
  });
  afterAll(() => db.drop());

  it('should give two processes disjoint numbers, one round trip per block, to concurrent callers too', async () => {
    const counter = countStatements(db.pool);
    const a = new SequenceBlock(db.pool, 'numbers_seq');
    const b = new SequenceBlock(db.pool, 'numbers_seq');
    const fromA = await Promise.all(Array.from({ length: 7 }, () => a.take()));
    const fromB = await Promise.all(Array.from({ length: 3 }, () => b.take()));
    fromA.push(await a.take());
    expect(fromA).toEqual([1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n]); // blocks 1–5 and 6–10
    expect(fromB).toEqual([11n, 12n, 13n]); // block 11–15
    expect(counter.statements()).toBe(3);
    counter.restore();
  });
});
