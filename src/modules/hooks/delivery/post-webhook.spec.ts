import { createServer, type Server } from 'node:http';
import { closeNow, listenOnLoopback } from '@lib/testing';
import type { HostResolver } from '@lib/providers';
import { postWebhook } from './post-webhook';

/** Resolves every name to one address, as a hostile DNS record would. */
const resolvesTo =
  (address: string): HostResolver =>
  () =>
    Promise.resolve([{ address, family: address.includes(':') ? 6 : 4 }]);

describe('postWebhook in production mode', () => {
  let server: Server;
  let base: string;
  let hits = 0;

  beforeAll(async () => {
    server = createServer((_req, res) => {
      hits += 1;
      res.writeHead(200);
      res.end();
    });
    base = await listenOnLoopback(server);
  });
  afterAll(() => closeNow(server));

  const post = (url: string, resolve: HostResolver) =>
    postWebhook(url, '{}', {}, { production: true, timeoutMs: 2000, resolve });

  it.each(['127.0.0.1', '169.254.169.254', '::1', '::ffff:169.254.169.254', '10.0.0.7'])(
    'refuses a target that resolves to %s, sending nothing',
    async (address) => {
      const result = await post('https://hooks.example.com/catch', resolvesTo(address));
      expect(result).toMatchObject({ kind: 'refused', error: expect.stringContaining(address) });
      expect(hits).toBe(0);
    },
  );

  it('refuses plain http in production', async () => {
    const result = await post(`${base}/catch`, resolvesTo('93.184.216.34'));
    expect(result).toMatchObject({ kind: 'refused', error: 'the URL must use https' });
    expect(hits).toBe(0);
  });

  it('outside production reaches a loopback receiver', async () => {
    const result = await postWebhook(
      `${base}/catch`,
      '{}',
      {},
      {
        production: false,
        timeoutMs: 2000,
      },
    );
    expect(result).toMatchObject({ kind: 'answered', status: 200 });
    expect(hits).toBe(1);
  });
});
