import { registerBenchUser } from '../lib/accounts';
import type { Scenario } from '../scenario';

/**
 * An authenticated read: `GET /v1/me` with a valid JWT runs the whole request
 * path (token cache, denylist, cached user row, policies) against a bare
 * node:http server in the same run. Goal: ≥ 0.5× raw.
 */
const me: Scenario = {
  name: 'me',
  description:
    'GET /v1/me with a valid JWT (verified-token cache, in-memory denylist, cached user row, policy guard; no database or Redis round trip) versus a bare node:http server; goal api/raw ≥ 0.5.',
  analysis:
    'Under 0.3× raw. CPU profile of the build under load (`bench/profile.ts me`): ~36 % is the ' +
    "kernel's socket write (`writev`; a bare node:http server spends 43 % there), ~17 % async " +
    'hooks (AsyncLocalStorage for the audit context and MikroORM keeps promise hooks on in ' +
    'Node 20), ~7 % Fastify serialization and headers (CORS and security headers add ~1 KB per ' +
    "answer), ~5 % Nest's router and guard chain; the rest is spread thin (token cache, auth " +
    'guard, metrics hook, DTO mapping). Next steps: CORS headers only for requests with an ' +
    'Origin; one AsyncLocalStorage instead of two.',
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
