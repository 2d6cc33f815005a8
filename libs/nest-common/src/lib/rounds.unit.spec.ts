import { inRounds } from './rounds.js';

describe('inRounds', () => {
  it('should put every key once in a round, each key’s items in their order', () => {
    const items = ['a1', 'b1', 'a2', 'c1', 'a3', 'b2'];
    expect(inRounds(items, (i) => i[0])).toEqual([['a1', 'b1', 'c1'], ['a2', 'b2'], ['a3']]);
  });

  it('should make one round of distinct keys and none of nothing', () => {
    expect(inRounds(['x', 'y', 'z'], (i) => i)).toEqual([['x', 'y', 'z']]);
    expect(inRounds([], (i: string) => i)).toEqual([]);
  });
});
