import { createHash, randomBytes } from 'node:crypto';
import type Redis from 'ioredis';
import type { Principal } from '@lib/authz';

/** A board session lasts at most this long, and never past the access token it was opened with. */
export const QUEUE_BOARD_SESSION_MAX_SECONDS = 15 * 60;

const keyOf = (sessionId: string) =>
  `queue-board:session:${createHash('sha256').update(sessionId).digest('hex')}`;

/** What a board session keeps: who opened it and with which access token (its id, never the token). */
export interface QueueBoardSession {
  userId: string;
  tokenId?: string;
}

/**
 * The queues console's browser sessions: the cookie holds a random id (no token, nothing
 * reusable elsewhere); Redis keeps its hash → the admin and access-token id, with a TTL.
 */
export class QueueBoardSessions {
  constructor(private readonly redis: Redis) {}

  /** Opens a session for the admin; returns its id and when it ends. */
  async open(principal: Principal, now = Date.now()): Promise<{ id: string; expiresAt: Date }> {
    const tokenEnd = principal.tokenExpiresAt?.getTime() ?? now;
    const seconds = Math.min(
      QUEUE_BOARD_SESSION_MAX_SECONDS,
      Math.max(0, Math.floor((tokenEnd - now) / 1000)),
    );
    const id = randomBytes(32).toString('base64url');
    const session: QueueBoardSession = { userId: principal.userId, tokenId: principal.tokenId };
    if (seconds > 0) await this.redis.set(keyOf(id), JSON.stringify(session), 'EX', seconds);
    return { id, expiresAt: new Date(now + seconds * 1000) };
  }

  async find(id: string): Promise<QueueBoardSession | undefined> {
    const stored = await this.redis.get(keyOf(id));
    return stored ? (JSON.parse(stored) as QueueBoardSession) : undefined;
  }
}
