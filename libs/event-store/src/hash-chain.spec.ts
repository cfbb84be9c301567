import { canonicalJson, GENESIS_HASH, hashEvent } from './hash-chain';

const base = {
  id: '0190d2f0-0000-7000-8000-000000000001',
  streamType: 'mail',
  streamId: 'm1',
  version: 1,
  type: 'mail.queued',
  payload: { to: 'a@example.com', nested: { b: 1, a: [2, { z: 1, y: null }] } },
  metadata: { requestId: 'r1' },
  occurredAt: new Date('2026-11-26T00:00:00.000Z'),
  prevHash: GENESIS_HASH,
};

describe('hash chain', () => {
  it('serialises objects with sorted keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { c: 2, b: 3 }], a: 'x' } })).toBe(
      '{"a":{"a":"x","d":[1,{"b":3,"c":2}]},"b":1}',
    );
  });

  it('gives the same hash whatever the key order of the payload', () => {
    const reordered = {
      ...base,
      payload: { nested: { a: [2, { y: null, z: 1 }], b: 1 }, to: 'a@example.com' },
    };
    expect(hashEvent(reordered)).toBe(hashEvent(base));
  });

  it('changes when the content or the previous hash changes', () => {
    const h = hashEvent(base);
    expect(hashEvent({ ...base, payload: { ...base.payload, to: 'b@example.com' } })).not.toBe(h);
    expect(hashEvent({ ...base, prevHash: 'f'.repeat(64) })).not.toBe(h);
    expect(hashEvent({ ...base, version: 2 })).not.toBe(h);
  });
});
