import type { Scenario } from '../scenario';

/**
 * A public static read: `GET /v1/plans` (the plan catalog from memory, ETag and
 * Cache-Control from the response cache layer) against a bare node:http server.
 */
const plans: Scenario = {
  name: 'plans',
  description:
    'GET /v1/plans (public, in-memory catalog, ETag + Cache-Control) versus a bare node:http server; budget ≤ 60 µs server CPU per request.',
  async prepare({ apiUrl, startRawHttpServer }) {
    const rawUrl = await startRawHttpServer();
    return [
      { name: 'api', url: `${apiUrl}/v1/plans` },
      { name: 'raw', url: `${rawUrl}/v1/plans` },
    ];
  },
  ratios: [{ numerator: 'api', denominator: 'raw' }],
};

export default plans;
