import { randomUUID } from 'node:crypto';
import type { Scenario } from '../scenario';

/**
 * An authenticated read: `GET /v1/me` with a valid JWT runs the whole request
 * path (RS256 verification, the Redis denylist check, policies, a PostgreSQL
 * read) against a bare node:http server in the same run. Goal: ≥ 0.5× raw.
 */
const me: Scenario = {
  name: 'me',
  description:
    'GET /v1/me with a valid JWT (RS256 verify, Redis denylist, policy guard, one PostgreSQL read) versus a bare node:http server; goal api/raw ≥ 0.5.',
  async prepare({ apiUrl, startRawHttpServer }) {
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
    const { accessToken } = (await response.json()) as { accessToken: string };
    const rawUrl = await startRawHttpServer();
    return [
      {
        name: 'api',
        url: `${apiUrl}/v1/me`,
        request: { headers: { authorization: `Bearer ${accessToken}` } },
      },
      { name: 'raw', url: `${rawUrl}/v1/me` },
    ];
  },
  ratios: [{ numerator: 'api', denominator: 'raw' }],
};

export default me;
