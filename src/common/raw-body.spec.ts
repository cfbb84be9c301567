import Fastify from 'fastify';
import { registerRawBodyRoutes } from './raw-body';

describe('registerRawBodyRoutes', () => {
  it('keeps the exact bytes on marked routes only, and still parses the body', async () => {
    const fastify = Fastify();
    registerRawBodyRoutes(fastify);
    const seen = (request: { rawBody?: Buffer; body: unknown }) => ({
      raw: request.rawBody?.toString('utf8') ?? null,
      body: request.body,
    });
    fastify.post('/signed', { config: { keepRawBody: true } }, (request) => seen(request));
    fastify.post('/plain', (request) => seen(request));
    const payload = '{ "b": 1,\n  "a": "é" }';

    const signed = await fastify.inject({
      method: 'POST',
      url: '/signed',
      headers: { 'content-type': 'application/json' },
      payload,
    });
    expect(signed.json()).toEqual({ raw: payload, body: { b: 1, a: 'é' } });

    const plain = await fastify.inject({
      method: 'POST',
      url: '/plain',
      headers: { 'content-type': 'application/json' },
      payload,
    });
    expect(plain.json()).toEqual({ raw: null, body: { b: 1, a: 'é' } });
    await fastify.close();
  });
});
