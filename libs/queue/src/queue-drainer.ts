import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { Queues } from './queues';

/**
 * On SIGTERM, closes every queue before anything else shuts down: Bull stops
 * taking new jobs and waits for the active ones, while the database and Redis
 * connections those jobs need are still open (they close in a later phase).
 */
@Injectable()
export class QueueDrainer implements BeforeApplicationShutdown {
  private readonly logger = new Logger(QueueDrainer.name);

  constructor(private readonly queues: Queues) {}

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    await Promise.all(this.queues.all().map((queue) => queue.close()));
    this.logger.log(`Queues drained${signal ? ` after ${signal}` : ''}`);
  }
}
