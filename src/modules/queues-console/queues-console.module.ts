import { Module } from '@nestjs/common';
import { AdminQueuesController } from './admin-queues.controller';

/**
 * The queues console: Bull Board over every queue, mounted at /admin/queues by
 * `mountQueueBoard` (API role only), and the route that lets a browser open it.
 */
@Module({ controllers: [AdminQueuesController] })
export class QueuesConsoleModule {}
