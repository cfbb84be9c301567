/**
 * Every response a suite receives through TestApp.inject is checked for stored
 * secrets: the hidden entity fields (by name, in any casing) and bcrypt hashes.
 * A leak fails the request that caused it, in whichever suite it happens.
 */
const SECRET_FIELDS = [
  'passwordHash',
  'totpSecretSealed',
  'totpLastStep',
  'recoveryCodeHashes',
  'secretHash',
  'tokenHash',
  'tokenCiphertext',
  'secretSealed',
];

const LEAKS: RegExp[] = [
  ...SECRET_FIELDS.flatMap((field) => [
    new RegExp(`"${field}"`),
    new RegExp(`"${field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}"`),
  ]),
  /\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}/, // a bcrypt hash
];

export function assertNoSecretsIn(body: string, where: string): void {
  const leak = LEAKS.find((pattern) => pattern.test(body));
  if (leak) throw new Error(`Response of ${where} leaks a stored secret (${leak.source})`);
}
