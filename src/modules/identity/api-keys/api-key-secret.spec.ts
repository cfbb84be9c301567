import { generateApiKeySecret, lookupHashOf } from './api-key-secret';

describe('API key secrets', () => {
  it('look like ctk_<prefix>_<43 base64url chars> and hash to what is stored', () => {
    const { secret, prefix, hash } = generateApiKeySecret();
    expect(secret).toMatch(/^ctk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(`${prefix}_`)).toBe(true);
    expect(lookupHashOf(secret)).toBe(hash);
    expect(hash).not.toContain(secret);
  });

  it('are never the same twice', () => {
    expect(generateApiKeySecret().secret).not.toBe(generateApiKeySecret().secret);
  });

  it('refuses to look up anything that cannot be a key we issued', () => {
    const { secret } = generateApiKeySecret();
    for (const value of ['ctk_', `${secret}x`, secret.slice(0, -1), `rt_${secret.slice(4)}`]) {
      expect(lookupHashOf(value)).toBeUndefined();
    }
  });
});
