import { consumersPerSubject } from './service-runtime.js';

describe('consumersPerSubject', () => {
  it('gives each subject its own durable consumer, named after the event type, with the same handler', () => {
    const handle = async () => undefined;
    const consumers = consumersPerSubject({ consumerId: 'complaints__member-callbacks', producer: 'members', handle }, [
      'members.evt.MembershipExpiring.v1',
      'members.evt.MemberChurned.v1',
    ]);
    expect(consumers).toEqual([
      { consumerId: 'complaints__member-callbacks--MembershipExpiring-v1', producer: 'members', handle, filterSubject: 'members.evt.MembershipExpiring.v1' },
      { consumerId: 'complaints__member-callbacks--MemberChurned-v1', producer: 'members', handle, filterSubject: 'members.evt.MemberChurned.v1' },
    ]);
    // a durable name may not hold '.', '*' or '>'
    for (const c of consumers) expect(c.consumerId).not.toMatch(/[.*>\s]/);
  });
});
