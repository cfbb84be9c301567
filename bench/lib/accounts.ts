import { randomUUID } from 'node:crypto';

/** Registers a fresh user on the API under test; resolves with its access token. */
export async function registerBenchUser(apiUrl: string): Promise<string> {
  const response = await fetch(`${apiUrl}/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: `bench-${randomUUID()}@example.test`,
      password: 'bench-passphrase-2026',
      name: 'Bench',
    }),
  });
  if (response.status !== 201) throw new Error(`register failed: ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}
