import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Principal } from '@lib/authz';
import { AnalyticsRecorder } from './analytics-recorder';
import { stableUuid } from './stable-uuid';

/** Bounds the memory of the replica's "seen today" set; past it the set starts over. */
const MAX_REMEMBERED_USERS = 200_000;

/**
 * `user_active`, at most once per user per UTC day. The request path pays one
 * in-memory lookup: only the first authenticated answer of a user on a replica each
 * day writes, after the response, without waiting for it. The row's key and time are
 * derived from (user, day), so other replicas and restarts insert nothing new.
 */
@Injectable()
export class ActiveUserTracker implements OnModuleInit {
  private readonly logger = new Logger(ActiveUserTracker.name);
  private day = '';
  private readonly seen = new Set<string>();

  constructor(
    private readonly analytics: AnalyticsRecorder,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    fastify?.addHook('onResponse', (request, reply, done) => {
      const principal = (request as FastifyRequest & { principal?: Principal }).principal;
      if (principal && reply.statusCode < 400) this.markActive(principal.userId);
      done();
    });
  }

  /** Records the user's `user_active` of the current UTC day unless this replica already did. */
  markActive(userId: string, now = new Date()): void {
    const day = now.toISOString().slice(0, 10);
    if (day !== this.day || this.seen.size >= MAX_REMEMBERED_USERS) {
      this.day = day;
      this.seen.clear();
    }
    if (this.seen.has(userId)) return;
    this.seen.add(userId);
    this.analytics
      .record({
        name: 'user_active',
        userId,
        occurredAt: new Date(`${day}T00:00:00.000Z`),
        sourceEventId: stableUuid(`user_active:${userId}:${day}`),
      })
      .catch((error: unknown) => {
        this.seen.delete(userId);
        this.logger.warn({ err: error }, 'Recording user_active failed');
      });
  }
}
