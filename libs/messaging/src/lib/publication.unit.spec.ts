import { publication } from './relay.js';

describe('publication', () => {
  describe('when a public event is built from a contract descriptor', () => {
    it('should take the type, version and subject from the descriptor and leave undefined fields out', () => {
      const descriptor = { type: 'shop.Placed', version: 1, subject: 'shop.evt.Placed.v1' };
      const built = publication(descriptor, { orderId: 'o-1', note: undefined, amount: 0, tag: null });
      expect(built).toStrictEqual({ type: 'shop.Placed', version: 1, subject: 'shop.evt.Placed.v1', data: { orderId: 'o-1', amount: 0, tag: null } });
      expect(Object.keys(built.data)).toEqual(['orderId', 'amount', 'tag']);
    });
  });
});
