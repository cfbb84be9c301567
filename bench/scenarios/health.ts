import type { Scenario } from '../scenario';

const OK = JSON.stringify({ status: 'ok' });

/**
 * Framework overhead: the cheapest route of the API (`GET /health/live`, no I/O,
 * but the full Fastify + Nest + helmet + CORS + request id + metrics pipeline)
 * against a bare node:http server giving the same JSON answer.
 */
const health: Scenario = {
  name: 'health',
  description:
    'GET /health/live on the API (Nest 11 + Fastify, full hook pipeline) versus a bare node:http server answering the same JSON; ratio api/raw = framework overhead.',
  async prepare({ apiUrl, startRawHttpServer }) {
    const rawUrl = await startRawHttpServer();
    return [
      { name: 'api', url: `${apiUrl}/health/live`, request: { expectBody: OK } },
      { name: 'raw', url: `${rawUrl}/health/live`, request: { expectBody: OK } },
    ];
  },
  ratios: [{ numerator: 'api', denominator: 'raw' }],
};

export default health;
