import { createCipheriv, randomBytes } from 'node:crypto';
import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  const key = randomBytes(32);
  const box = new SecretBox(key);

  it('opens what it sealed for the same record', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXP', 'users.totp_secret:user-a');
    expect(sealed.startsWith('v2.')).toBe(true);
    expect(box.open(sealed, 'users.totp_secret:user-a')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses a ciphertext swapped onto another record or column', () => {
    const sealed = box.seal('secret of a', 'users.totp_secret:user-a');
    expect(() => box.open(sealed, 'users.totp_secret:user-b')).toThrow();
    expect(() => box.open(sealed, 'sessions.token:user-a')).toThrow();
    expect(() => box.open(sealed)).toThrow(/needs its context/);
  });

  it('refuses a truncated authentication tag', () => {
    const [version, iv, tag, data] = box.seal('hello', 'ctx').split('.');
    const short = Buffer.from(tag, 'base64url').subarray(0, 4).toString('base64url');
    expect(() => box.open([version, iv, short, data].join('.'), 'ctx')).toThrow(/tag length/);
  });

  it('still reads values sealed before contexts existed (v1)', () => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const data = Buffer.concat([cipher.update('old value', 'utf8'), cipher.final()]);
    const legacy = ['v1', iv, cipher.getAuthTag(), data]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
    expect(SecretBox.isLegacy(legacy)).toBe(true);
    expect(box.open(legacy, 'any-record')).toBe('old value');
  });

  it('derives distinct subkeys per purpose, none equal to the master key', () => {
    const a = box.deriveKey('cv/share-visitor');
    expect(a).toHaveLength(32);
    expect(a.equals(key)).toBe(false);
    expect(a.equals(box.deriveKey('event-store/ip-hash'))).toBe(false);
  });
});
