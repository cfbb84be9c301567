import { createBullBoard } from '@bull-board/api';
import { BullAdapter } from '@bull-board/api/bullAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bull';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bull';
import type { FastifyInstance } from 'fastify';
import type Redis from 'ioredis';
import { ALL_QUEUES, REDIS } from '@lib/queue';
import { AccessTokenAuthenticator } from '../identity';
import { boardCredentialOf, refusalFor, sendRefusal } from './queue-board-auth';
import { QueueBoardSessions } from './queue-board-sessions';

/** Where the queues console (Bull Board) is served: outside /v1 and the OpenAPI contract, like /docs. */
export const QUEUE_BOARD_PATH = '/admin/queues';

/**
 * Mounts Bull Board over every queue (inspect, retry, remove jobs) at QUEUE_BOARD_PATH,
 * behind one onRequest hook that admits admins only (API role only; call before app.init()).
 * Its UI assets are served from the @bull-board/ui package, never a CDN.
 */
export async function mountQueueBoard(app: NestFastifyApplication): Promise<void> {
  const authenticator = app.get(AccessTokenAuthenticator, { strict: false });
  const sessions = new QueueBoardSessions(app.get<Redis>(REDIS, { strict: false }));
  const serverAdapter = new FastifyAdapter().setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: ALL_QUEUES.map(
      (name) => new BullAdapter(app.get<Queue>(getQueueToken(name), { strict: false })),
    ),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Career Tools queues' } },
  });
  await app.register(
    async (board: FastifyInstance) => {
      board.addHook('onRequest', async (request, reply) => {
        const refusal = await refusalFor(authenticator, sessions, boardCredentialOf(request));
        if (refusal) return sendRefusal(reply, refusal);
      });
      await board.register(serverAdapter.registerPlugin());
    },
    { prefix: QUEUE_BOARD_PATH },
  );
}
