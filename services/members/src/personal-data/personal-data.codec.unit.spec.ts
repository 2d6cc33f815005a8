import { personalDataCodec } from './personal-data.codec.js';
import { PERSONAL_FIELDS, SHREDDING_EVENT } from './personal-fields.js';

describe('the personal-data codec: which appends it must encode', () => {
  const event = (type: string) => ({ type, data: {} });

  it('should encode every event type with personal fields, and the closing one that deletes the key', () => {
    for (const type of Object.keys(PERSONAL_FIELDS)) expect(personalDataCodec.encodes!([event('PurchaseRecorded'), event(type)])).toBe(true);
    expect(personalDataCodec.encodes!([event(SHREDDING_EVENT)])).toBe(true);
  });

  it('should leave the loyalty events to the plain append, not a greeting (its day gives the birth date back)', () => {
    expect(personalDataCodec.encodes!([event('PurchaseRecorded'), event('PointsEarned'), event('TierChanged'), event('RedemptionRequested')])).toBe(false);
    expect(personalDataCodec.encodes!([event('BirthdayGreetingPlanned')])).toBe(true);
  });
});
