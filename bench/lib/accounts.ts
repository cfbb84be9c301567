import { randomUUID } from 'node:crypto';

/**
 * Registers a fresh user on the API under test; resolves with its access token. Registrations
 * are limited per IP: to register many, run the API with TRUST_PROXY=true and give each its own
 * `forwardedFor` address.
 */
export async function registerBenchUser(apiUrl: string, forwardedFor?: string): Promise<string> {
  const response = await fetch(`${apiUrl}/v1/auth/register`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
    },
    body: JSON.stringify({
      email: `bench-${randomUUID()}@example.test`,
      password: 'bench-passphrase-2026',
      name: 'Bench',
    }),
  });
  if (response.status !== 201) throw new Error(`register failed: ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** The user id (`sub`) of an access token. */
export function userIdOf(accessToken: string): string {
  const claims = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString()) as {
    sub: string;
  };
  return claims.sub;
}
