import type * as Otplib from 'otplib';

let otplib: typeof Otplib | undefined;
/** otplib is loaded on the first 2FA operation, not at boot. */
function otp(): typeof Otplib {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred until first use
  otplib ??= require('otplib') as typeof Otplib;
  return otplib;
}

export const TOTP_ISSUER = 'Career Tools';
export const TOTP_PERIOD_SECONDS = 30;
const TOTP_CODE = /^\d{6}$/;

export function newTotpSecret(): string {
  return otp().generateSecret();
}

export function totpUri(secret: string, accountEmail: string): string {
  return otp().generateURI({ issuer: TOTP_ISSUER, label: accountEmail, secret });
}

export function looksLikeTotpCode(code: string): boolean {
  return TOTP_CODE.test(code);
}

/**
 * RFC 6238 with a ±1 step window. Returns the time step the code belongs to,
 * or null. Only steps strictly after `lastAcceptedStep` count, so a code that
 * was accepted once (or any older one) never works again, even inside the window.
 */
export async function acceptedTotpStep(
  secret: string,
  code: string,
  lastAcceptedStep: number | null | undefined,
  nowMs = Date.now(),
): Promise<number | null> {
  if (!looksLikeTotpCode(code)) return null;
  const result = await otp().verify({
    secret,
    token: code,
    period: TOTP_PERIOD_SECONDS,
    epoch: Math.floor(nowMs / 1000),
    epochTolerance: TOTP_PERIOD_SECONDS,
    ...(lastAcceptedStep != null ? { afterTimeStep: lastAcceptedStep } : {}),
  });
  // The functional API types TOTP and HOTP results as one union; only TOTP has a time step.
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}
