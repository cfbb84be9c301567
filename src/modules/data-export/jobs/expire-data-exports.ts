import { InjectQueue, Processor } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Queue } from 'bull';
import { QUEUES, TracedProcess } from '@lib/queue';
import { DataExportStorage } from '../data-export-storage';
import { DataExport } from '../entities/data-export.entity';

export const EXPIRE_DATA_EXPORTS_JOB = 'expire-data-exports';
const BATCH = 500;

/** Deletes the ZIPs of exports past `expiresAt` and marks them expired; returns how many. */
@Injectable()
export class ExpireDataExports {
  constructor(
    private readonly em: EntityManager,
    private readonly storage: DataExportStorage,
  ) {}

  async run(now = new Date()): Promise<number> {
    const em = this.em.fork();
    const due = await em.find(
      DataExport,
      { status: 'ready', expiresAt: { $lte: now } },
      { limit: BATCH, orderBy: { expiresAt: 'asc' } },
    );
    for (const exported of due) {
      if (exported.storageKey) await this.storage.delete(exported.storageKey);
      exported.status = 'expired';
      exported.storageKey = null;
    }
    await em.flush();
    return due.length;
  }
}

/** Every hour, on one replica: each tick enqueues one deduplicated job on `scheduled`. */
@Injectable()
export class ExpireDataExportsScheduler {
  constructor(@InjectQueue(QUEUES.scheduled) private readonly scheduled: Queue) {}

  @Cron(CronExpression.EVERY_HOUR, { name: EXPIRE_DATA_EXPORTS_JOB })
  async tick(now = new Date()): Promise<void> {
    const slot = now.toISOString().slice(0, 13);
    await this.scheduled.add(
      EXPIRE_DATA_EXPORTS_JOB,
      { slot },
      { jobId: `${EXPIRE_DATA_EXPORTS_JOB}:${slot}` },
    );
  }
}

@Processor(QUEUES.scheduled)
export class ExpireDataExportsProcessor {
  constructor(private readonly expire: ExpireDataExports) {}

  @TracedProcess(EXPIRE_DATA_EXPORTS_JOB)
  process(): Promise<number> {
    return this.expire.run();
  }
}
