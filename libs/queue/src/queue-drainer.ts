import { getQueueToken } from '@nestjs/bull';
import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bull';
import { ALL_QUEUES } from './queue-names';

/**
 * On SIGTERM, closes every queue before anything else shuts down: Bull stops
 * taking new jobs and waits for the active ones, while the database and Redis
 * connections those jobs need are still open (they close in a later phase).
 */
@Injectable()
export class QueueDrainer implements BeforeApplicationShutdown {
  private readonly logger = new Logger(QueueDrainer.name);

  constructor(private readonly moduleRef: ModuleRef) {}

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    const queues = ALL_QUEUES.map((name) =>
      this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }),
    );
    await Promise.all(queues.map((queue) => queue.close()));
    this.logger.log(`Queues drained${signal ? ` after ${signal}` : ''}`);
  }
}
