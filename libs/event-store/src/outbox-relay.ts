import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { AppConfig } from '@lib/config';
import { EventPublisher } from './event-publisher';

/**
 * Worker-side loop that publishes every event whose `published_at` is still
 * null (committed by a process that died before publishing them) and retries
 * failed deliveries once their backoff is over. Safe to run on many workers at
 * once (SKIP LOCKED).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly config: AppConfig,
    private readonly publisher: EventPublisher,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.runsWorker) return;
    this.schedule(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /**
   * Publishes until nothing is pending, then retries the deliveries whose
   * backoff is over; returns how many events and deliveries went out.
   */
  async drain(): Promise<number> {
    let total = 0;
    for (const pass of [
      () => this.publisher.publishPending(),
      () => this.publisher.redeliverDue(),
    ]) {
      for (;;) {
        const done = await pass();
        total += done;
        if (done === 0) break;
      }
    }
    return total;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.drain()
        .then((n) => {
          if (n > 0) this.logger.log(`Relayed ${n} event(s) or deliveries`);
        })
        .catch((error: unknown) => this.logger.error({ err: error }, 'Outbox relay pass failed'))
        .finally(() => this.schedule(this.config.env.OUTBOX_RELAY_INTERVAL_MS));
    }, delay);
    this.timer.unref();
  }
}
