import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes';

describe('recovery codes', () => {
  it('are ten distinct 16-symbol codes in four groups', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes)
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  });

  it('hash the same however the user types them', () => {
    const hash = hashRecoveryCode('7K20-QX1D-4HRT-B1ZC');
    expect(hashRecoveryCode('7k2oqxld4hrtb1zc')).toBe(hash);
    expect(hashRecoveryCode(' 7K20 QX1D 4HRT B1ZC ')).toBe(hash);
    expect(hashRecoveryCode('7K20-QX1D-4HRT-B1ZD')).not.toBe(hash);
  });
});
