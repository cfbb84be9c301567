import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { AppConfig } from '@lib/config';
import { WebhookIntake } from '../webhook-intake';

const POLL_MS = 100;
/** Each pass looks this far behind the latest receipt it saw (transactions commit out of order). */
const LAG_MS = 5_000;
/** At boot: events recorded this long ago are still the feed's; older ones are the recovery's. */
const BOOT_LOOKBACK_MS = 5 * 60_000;

/** Worker-side loop that queues the jobs of recorded provider events (`WebhookIntake.queueRecorded`). */
@Injectable()
export class BillingEventFeed implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(BillingEventFeed.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;
  private since = new Date(Date.now() - BOOT_LOOKBACK_MS);

  constructor(
    private readonly config: AppConfig,
    private readonly intake: WebhookIntake,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.runsWorker) this.schedule(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.intake
        .queueRecorded(this.since)
        .then(({ latest }) => {
          if (latest)
            this.since = new Date(Math.max(this.since.getTime(), latest.getTime() - LAG_MS));
        })
        .catch((error: unknown) =>
          this.logger.error({ err: error }, 'Billing event feed pass failed'),
        )
        .finally(() => this.schedule(POLL_MS));
    }, delay);
    this.timer.unref();
  }
}
