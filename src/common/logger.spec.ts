import Fastify from 'fastify';
import pino from 'pino';
import { Writable } from 'node:stream';
import { loadConfig } from '@lib/config';
import { createRootLogger, PinoLoggerService, REDACTED_PATHS, registerAccessLog } from './logger';

function sink(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const lines = () =>
    chunks
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { stream, lines };
}

describe('log redaction', () => {
  it('never writes credentials, tokens or secrets', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = pino({ redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, sink);
    logger.info({
      req: {
        headers: { authorization: 'Bearer abc.def.ghi', cookie: 'sid=1', 'x-api-key': 'ct_live_x' },
      },
      body: { password: 'hunter2hunter2', refreshToken: 'r-1', otp: '123456', email: 'a@b.c' },
    });
    const line = lines.join('');
    for (const secret of ['abc.def.ghi', 'sid=1', 'ct_live_x', 'hunter2hunter2', 'r-1', '123456']) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain('a@b.c');
  });
});

describe('access log', () => {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info' });

  async function serve(): Promise<{
    app: ReturnType<typeof Fastify>;
    lines: () => Record<string, unknown>[];
  }> {
    const out = sink();
    const app = Fastify({ genReqId: () => 'req-1' });
    registerAccessLog(app, createRootLogger(config, out.stream));
    app.addHook('preHandler', (request, _reply, done) => {
      (request as unknown as { principal: { userId: string } }).principal = { userId: 'u-1' };
      done();
    });
    app.get('/v1/things/:id', () => ({ ok: true }));
    app.get('/health/live', () => ({ status: 'ok' }));
    await app.ready();
    return { app, lines: out.lines };
  }

  it('writes one line per request with method, route, status, duration, request id and user', async () => {
    const { app, lines } = await serve();
    await app.inject({
      method: 'GET',
      url: '/v1/things/42?q=secret',
      headers: { authorization: 'Bearer abc.def.ghi' },
    });
    await app.close();
    expect(lines()).toHaveLength(1);
    const [line] = lines();
    expect(line).toMatchObject({
      msg: 'request completed',
      reqId: 'req-1',
      method: 'GET',
      route: '/v1/things/:id',
      status: 200,
      userId: 'u-1',
      role: config.env.APP_ROLE,
    });
    expect(typeof line.responseTime).toBe('number');
    expect(JSON.stringify(line)).not.toContain('abc.def.ghi');
    expect(JSON.stringify(line)).not.toContain('secret');
  });

  it('skips successful health probes', async () => {
    const { app, lines } = await serve();
    await app.inject({ method: 'GET', url: '/health/live' });
    await app.close();
    expect(lines()).toHaveLength(0);
  });

  it('carries Nest logger calls with their context, message and fields', () => {
    const out = sink();
    const nest = new PinoLoggerService(createRootLogger(config, out.stream));
    nest.warn({ apiKeyId: 'k-1' }, 'Could not record API key use', 'ApiKeyUsage');
    nest.error('Boom', 'Error: Boom\n    at x', 'Problem');
    expect(out.lines()).toEqual([
      expect.objectContaining({
        level: 40,
        context: 'ApiKeyUsage',
        apiKeyId: 'k-1',
        msg: 'Could not record API key use',
      }),
      expect.objectContaining({
        level: 50,
        context: 'Problem',
        msg: 'Boom',
        stack: expect.stringContaining('at x'),
      }),
    ]);
  });
});
