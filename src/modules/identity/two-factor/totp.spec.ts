import { generate } from 'otplib';
import { acceptedTotpStep, newTotpSecret, totpUri } from './totp';

describe('acceptedTotpStep', () => {
  const secret = newTotpSecret();
  const now = 1_800_000_015_000; // 15 s into a step
  const step = Math.floor(now / 30_000);
  const codeAt = (stepOffset: number) =>
    generate({ secret, epoch: Math.floor(now / 1000) + stepOffset * 30 });

  it('accepts the current step and one step either side, nothing further', async () => {
    expect(await acceptedTotpStep(secret, await codeAt(0), null, now)).toBe(step);
    expect(await acceptedTotpStep(secret, await codeAt(-1), null, now)).toBe(step - 1);
    expect(await acceptedTotpStep(secret, await codeAt(1), null, now)).toBe(step + 1);
    expect(await acceptedTotpStep(secret, await codeAt(-2), null, now)).toBeNull();
    expect(await acceptedTotpStep(secret, await codeAt(2), null, now)).toBeNull();
  });

  it('refuses a step that is not strictly after the last accepted one', async () => {
    expect(await acceptedTotpStep(secret, await codeAt(0), step, now)).toBeNull();
    expect(await acceptedTotpStep(secret, await codeAt(-1), step, now)).toBeNull();
    expect(await acceptedTotpStep(secret, await codeAt(1), step, now)).toBe(step + 1);
  });

  it('refuses malformed codes without asking the library', async () => {
    for (const code of ['', '12345', '1234567', 'abcdef', '12 345']) {
      expect(await acceptedTotpStep(secret, code, null, now)).toBeNull();
    }
  });

  it('names the issuer and the account in the otpauth URL', () => {
    const url = new URL(totpUri(secret, 'ada@example.test'));
    expect(url.protocol).toBe('otpauth:');
    expect(url.host).toBe('totp');
    expect(decodeURIComponent(url.pathname)).toBe('/Career Tools:ada@example.test');
    expect(url.searchParams.get('issuer')).toBe('Career Tools');
    expect(url.searchParams.get('secret')).toBe(secret);
  });
});
