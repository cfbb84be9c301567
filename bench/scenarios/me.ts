import { registerBenchUser } from '../lib/accounts';
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
    const accessToken = await registerBenchUser(apiUrl);
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
