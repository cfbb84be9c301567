import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '@lib/config';
import { InjectRedis } from './redis.module';

/** What a replica does with one channel's messages, and when it may have missed some. */
export interface BroadcastListener {
  message(message: string): void;
  /** Subscribed again after a gap: reload whatever messages may have been missed. */
  resync?(): Promise<void>;
  /** The subscription dropped: messages may be missed from now until the next resync. */
  gap?(): void;
}

const RESYNC_RETRY_MS = 1000;

/**
 * Redis pub/sub between replicas, on one subscriber connection. `live` is true
 * only while subscribed and every listener has resynced since the last gap, so
 * a local copy kept current by messages is trusted only then (else ask Redis).
 */
@Injectable()
export class RedisBroadcast implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisBroadcast.name);
  private readonly listeners = new Map<string, BroadcastListener[]>();
  private subscriber?: Redis;
  private live_ = false;
  private syncing?: Promise<void>;
  private resyncWanted = false;
  private closed = false;

  constructor(
    @InjectRedis() private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  get live(): boolean {
    return this.live_;
  }

  /** Sends to every replica subscribed to the channel, this one included. */
  async publish(channel: string, message: string): Promise<void> {
    await this.redis.publish(this.channelName(channel), message);
  }

  listen(channel: string, listener: BroadcastListener): void {
    const list = this.listeners.get(channel) ?? [];
    list.push(listener);
    this.listeners.set(channel, list);
    if (!this.subscriber) this.connect();
    else this.markGap(); // a new channel is not live until it has synced
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    this.live_ = false;
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }

  private connect(): void {
    const subscriber = this.redis.duplicate({
      keyPrefix: '',
      lazyConnect: false,
      connectionName: this.channelName('subscriber'),
    });
    this.subscriber = subscriber;
    subscriber.on('message', (channel: string, message: string) => {
      const name = channel.slice(this.channelName('').length);
      for (const listener of this.listeners.get(name) ?? []) listener.message(message);
    });
    subscriber.on('ready', () => this.markGap());
    for (const event of ['close', 'reconnecting', 'end']) {
      subscriber.on(event, () => {
        if (this.live_)
          this.logger.warn('Pub/sub connection lost; reading from Redis until resynced');
        this.live_ = false;
        for (const listener of [...this.listeners.values()].flat()) listener.gap?.();
      });
    }
    subscriber.on('error', () => undefined); // reconnects on its own; 'close' already marked the gap
  }

  private markGap(): void {
    this.live_ = false;
    for (const listener of [...this.listeners.values()].flat()) listener.gap?.();
    this.resyncWanted = true;
    this.syncing ??= this.syncWhileWanted().finally(() => (this.syncing = undefined));
  }

  private async syncWhileWanted(): Promise<void> {
    while (this.resyncWanted) {
      this.resyncWanted = false;
      await this.sync();
    }
  }

  /** Subscribes first, then resyncs: whatever happens after the snapshot arrives as a message. */
  private async sync(): Promise<void> {
    const subscriber = this.subscriber;
    if (!subscriber || this.closed || subscriber.status !== 'ready') return;
    try {
      await subscriber.subscribe(...[...this.listeners.keys()].map((c) => this.channelName(c)));
      for (const listener of [...this.listeners.values()].flat()) await listener.resync?.();
      if (subscriber.status === 'ready' && !this.closed && !this.resyncWanted) this.live_ = true;
    } catch (error) {
      this.logger.warn({ err: error }, 'Pub/sub resync failed; retrying');
      setTimeout(() => this.markGap(), RESYNC_RETRY_MS).unref();
    }
  }

  private channelName(channel: string): string {
    return `${this.config.env.REDIS_PREFIX}:broadcast:${channel}`;
  }
}
