import { getQueueToken } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bull';
import { ALL_QUEUES } from './queue-names';

/** Every Bull queue of the application, for code that acts on all of them (health, metrics, shutdown). */
@Injectable()
export class Queues {
  constructor(private readonly moduleRef: ModuleRef) {}

  all(): Queue[] {
    return ALL_QUEUES.map((name) =>
      this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }),
    );
  }
}
