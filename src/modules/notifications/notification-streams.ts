import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { EntityManager } from '@mikro-orm/postgresql';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createHash, randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import Redis from 'ioredis';
import { AppConfig } from '@lib/config';
import { SecretBox } from '@lib/crypto';
import { InjectRedis, RedisBroadcast } from '@lib/queue';
import { NotificationDto } from './dto/notification.dto';
import { Notification } from './entities/notification.entity';
import { NOTIFICATIONS_CHANNEL, type NotificationStreamMessage } from './notification-stream';
import { unreadCount } from './queries/unread-count/unread-count.handler';

export const STREAM_PATH = '/v1/me/notifications/stream';
const TICKET_PREFIX = 'st_';
const BACKLOG_LIMIT = 100;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** One open stream (Server-Sent Events) of one user on this replica. */
class StreamConnection {
  /** The newest notification id this stream has sent (what a resume starts after). */
  lastId: string | null;
  private readonly sent = new Set<string>();
  private heartbeat?: NodeJS.Timeout;

  constructor(
    readonly userId: string,
    private readonly raw: ServerResponse,
    lastEventId: string | null,
  ) {
    this.lastId = lastEventId;
  }

  get open(): boolean {
    return !this.raw.writableEnded && !this.raw.destroyed;
  }

  start(heartbeatMs: number): void {
    this.raw.write('retry: 3000\n\n');
    this.heartbeat = setInterval(() => this.write(': heartbeat\n\n'), heartbeatMs);
    this.heartbeat.unref();
  }

  notification(notification: Notification): void {
    if (this.sent.has(notification.id)) return;
    this.sent.add(notification.id);
    if (this.sent.size > 1000) this.sent.delete(this.sent.values().next().value!);
    if (!this.lastId || notification.id > this.lastId) this.lastId = notification.id;
    const data = JSON.stringify(NotificationDto.from(notification));
    this.write(`id: ${notification.id}\nevent: notification\ndata: ${data}\n\n`);
  }

  unread(count: { count: number; display: string }): void {
    this.write(`event: unread-count\ndata: ${JSON.stringify(count)}\n\n`);
  }

  close(reason: string): void {
    this.write(`event: closed\ndata: ${JSON.stringify({ reason })}\n\n`);
    this.stop();
    this.raw.end();
  }

  stop(): void {
    clearInterval(this.heartbeat);
  }

  private write(chunk: string): void {
    if (this.open) this.raw.write(chunk);
  }
}

/**
 * Live inbox over Server-Sent Events. Any replica may create a notification;
 * it announces it on Redis pub/sub and every replica pushes it to the streams
 * of that user it holds, with the new unread count. A stream resumes after
 * `Last-Event-ID`; after a pub/sub gap every stream is caught up from the
 * database. Each user may hold NOTIFICATION_STREAM_MAX_PER_USER streams per
 * replica; a new one beyond closes the oldest.
 */
@Injectable()
export class NotificationStreams implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(NotificationStreams.name);
  private readonly byUser = new Map<string, StreamConnection[]>();
  private listening = false;

  constructor(
    private readonly em: EntityManager,
    private readonly broadcast: RedisBroadcast,
    private readonly config: AppConfig,
    private readonly box: SecretBox,
    private readonly adapterHost: HttpAdapterHost,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  onModuleInit(): void {
    // Replicas that serve HTTP subscribe at boot (a later subscription would briefly
    // mark every other pub/sub listener of the replica as resyncing); workers never do.
    if (this.config.runsApi) this.listen();
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    // EventSource cannot send headers: a single-use ticket stands in for the bearer token,
    // which then goes through the usual authentication (expiry, revocation, account state).
    fastify?.addHook('onRequest', async (request: FastifyRequest) => {
      if (request.method !== 'GET' || !request.url.startsWith(`${STREAM_PATH}?`)) return;
      const ticket = new URL(request.url, 'http://local').searchParams.get('ticket');
      if (!ticket || request.headers.authorization) return;
      const token = await this.redeemTicket(ticket);
      if (token) request.headers.authorization = `Bearer ${token}`;
    });
  }

  /** A single-use ticket for the stream, standing for the caller's bearer token. */
  async issueTicket(bearerToken: string): Promise<{ ticket: string; expiresIn: number }> {
    const ticket = `${TICKET_PREFIX}${randomBytes(24).toString('base64url')}`;
    const ttl = this.config.env.NOTIFICATION_STREAM_TICKET_TTL_SECONDS;
    const key = this.ticketKey(ticket);
    await this.redis.set(key, this.box.seal(bearerToken, key), 'EX', ttl);
    return { ticket, expiresIn: ttl };
  }

  private async redeemTicket(ticket: string): Promise<string | null> {
    if (!ticket.startsWith(TICKET_PREFIX) || ticket.length > 100) return null;
    const key = this.ticketKey(ticket);
    const sealed = await this.redis.getdel(key);
    if (!sealed) return null;
    try {
      return this.box.open(sealed, key);
    } catch {
      return null;
    }
  }

  private ticketKey(ticket: string): string {
    return `notify:stream-ticket:${createHash('sha256').update(ticket).digest('hex')}`;
  }

  /** Serves one stream until the client goes away. */
  async open(userId: string, raw: ServerResponse, lastEventId: string | null): Promise<void> {
    this.listen();
    const connection = new StreamConnection(
      userId,
      raw,
      lastEventId && UUID.test(lastEventId) ? lastEventId : null,
    );
    const list = this.byUser.get(userId) ?? [];
    list.push(connection);
    this.byUser.set(userId, list);
    while (list.length > this.config.env.NOTIFICATION_STREAM_MAX_PER_USER) {
      list.shift()!.close('too_many_streams');
    }
    raw.on('close', () => this.remove(connection));
    connection.start(this.config.env.NOTIFICATION_STREAM_HEARTBEAT_MS);
    await this.catchUp(connection);
  }

  beforeApplicationShutdown(): void {
    for (const connection of [...this.byUser.values()].flat()) connection.close('shutdown');
    this.byUser.clear();
  }

  /** Subscribes once per replica. */
  private listen(): void {
    if (this.listening) return;
    this.listening = true;
    this.broadcast.listen(NOTIFICATIONS_CHANNEL, {
      message: (raw) => void this.onMessage(raw),
      resync: () => this.catchUpAll(),
    });
  }

  private remove(connection: StreamConnection): void {
    connection.stop();
    const list = (this.byUser.get(connection.userId) ?? []).filter((c) => c !== connection);
    if (list.length > 0) this.byUser.set(connection.userId, list);
    else this.byUser.delete(connection.userId);
  }

  private async onMessage(raw: string): Promise<void> {
    try {
      const message = JSON.parse(raw) as NotificationStreamMessage;
      const connections = this.byUser.get(message.userId);
      if (!connections?.length) return;
      const em = this.em.fork();
      if (message.kind === 'created') {
        const notification = await em.findOne(Notification, {
          id: message.id,
          userId: message.userId,
        });
        if (notification) for (const c of connections) c.notification(notification);
      }
      const count = await unreadCount(em, message.userId);
      for (const c of this.byUser.get(message.userId) ?? []) c.unread(count);
    } catch (error) {
      this.logger.warn({ err: error }, 'Could not push a live notification');
    }
  }

  /** Sends what the stream missed (after its last id) and the unread count. */
  private async catchUp(connection: StreamConnection): Promise<void> {
    const em = this.em.fork();
    if (connection.lastId) {
      const missed = await em.find(
        Notification,
        { userId: connection.userId, id: { $gt: connection.lastId }, archivedAt: null },
        { orderBy: { id: 'asc' }, limit: BACKLOG_LIMIT },
      );
      for (const notification of missed) connection.notification(notification);
    } else {
      // A new stream starts after the newest notification, so a resync sends only what is new.
      const [newest] = await em.find(
        Notification,
        { userId: connection.userId },
        { orderBy: { id: 'desc' }, limit: 1, fields: ['id'] },
      );
      connection.lastId = newest?.id ?? '00000000-0000-0000-0000-000000000000';
    }
    connection.unread(await unreadCount(em, connection.userId));
  }

  private async catchUpAll(): Promise<void> {
    for (const connection of [...this.byUser.values()].flat()) {
      if (connection.open) await this.catchUp(connection);
    }
  }
}
