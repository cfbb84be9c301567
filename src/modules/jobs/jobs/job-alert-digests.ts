import { InjectQueue, Processor } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Cron, CronExpression } from '@nestjs/schedule';
import type { Queue } from 'bull';
import { AppConfig } from '@lib/config';
import { auditContext } from '@lib/event-store';
import { QUEUES, TracedProcess } from '@lib/queue';
import {
  RunJobAlertDigestsCommand,
  type JobAlertRunResult,
} from '../commands/run-job-alert-digests/run-job-alert-digests.command';

export const JOB_ALERT_DIGESTS_JOB = 'job-alert-digests';
const SLOT_MS = 5 * 60_000;

/** Every 5 minutes, on one replica: one deduplicated job per slot on `scheduled`. */
@Injectable()
export class JobAlertDigestsScheduler {
  constructor(
    @InjectQueue(QUEUES.scheduled) private readonly scheduled: Queue,
    private readonly config: AppConfig,
  ) {}

  @Cron(CronExpression.EVERY_5_MINUTES, { name: JOB_ALERT_DIGESTS_JOB })
  async tick(now = Date.now()): Promise<void> {
    if (!this.config.env.JOB_ALERT_SCHEDULE) return;
    const slot = Math.floor(now / SLOT_MS);
    await this.scheduled.add(
      JOB_ALERT_DIGESTS_JOB,
      { slot },
      { jobId: `${JOB_ALERT_DIGESTS_JOB}:${slot}` },
    );
  }
}

/** Mails the digests of every alert whose local hour has come. */
@Processor(QUEUES.scheduled)
export class JobAlertDigestsProcessor {
  constructor(private readonly commands: CommandBus) {}

  @TracedProcess(JOB_ALERT_DIGESTS_JOB)
  process(): Promise<JobAlertRunResult> {
    return auditContext.run({ actor: { type: 'system', id: 'job-alert-digests' } }, () =>
      this.commands.execute(new RunJobAlertDigestsCommand(new Date())),
    );
  }
}
