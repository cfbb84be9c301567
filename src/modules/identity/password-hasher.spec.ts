import bcrypt from 'bcrypt';
import { loadConfig } from '@lib/config';
import { unusablePasswordHash } from './oauth/unusable-password';
import { PasswordHasher } from './password-hasher';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher(loadConfig({ BCRYPT_COST: '4' }));
  afterEach(() => jest.restoreAllMocks());

  it('compares against a real bcrypt hash for OAuth-only accounts and unknown users alike', async () => {
    const compare = jest.spyOn(bcrypt, 'compare');
    expect(await hasher.verify('whatever-password', unusablePasswordHash())).toBe(false);
    expect(await hasher.verify('whatever-password', undefined)).toBe(false);
    // Both spent a bcrypt comparison against the dummy hash: timing tells neither apart.
    const hashes = compare.mock.calls.map((args) => args[1]);
    expect(hashes).toHaveLength(2);
    for (const hash of hashes) expect(hash).toMatch(/^\$2[aby]\$04\$/);
  });

  it('accepts the right password of a real hash', async () => {
    const hash = await hasher.hash('the-right-password');
    expect(await hasher.verify('the-right-password', hash)).toBe(true);
    expect(await hasher.verify('a-wrong-password!', hash)).toBe(false);
  });
});
