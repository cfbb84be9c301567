import { InjectQueue, Processor } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Queue } from 'bull';
import { AppConfig } from '@lib/config';
import {
  QUEUES,
  TracedProcess,
  requeueLostJobs,
  type RequeueOutcome,
  type SendCampaignJob,
} from '@lib/queue';
import { NewsletterCampaign } from '../entities/newsletter-campaign.entity';
import {
  REQUEUE_STALLED_CAMPAIGNS_JOB,
  SEND_CAMPAIGN_JOB,
  sendCampaignJobOptions,
} from './send-campaign-job';

/**
 * Campaigns still sending (or due) whose job failed its last attempt or was
 * lost with Redis get it back; the job continues from the pending rows.
 */
@Injectable()
export class RequeueStalledCampaigns {
  constructor(
    private readonly em: EntityManager,
    private readonly config: AppConfig,
    @InjectQueue(QUEUES.newsletter) private readonly queue: Queue<SendCampaignJob>,
  ) {}

  async run(now = new Date()): Promise<RequeueOutcome> {
    const stalled = await this.em
      .fork()
      .find(
        NewsletterCampaign,
        { $or: [{ status: 'sending' }, { status: 'scheduled', scheduledAt: { $lte: now } }] },
        { fields: ['id'], limit: 100 },
      );
    return requeueLostJobs(
      this.queue,
      stalled.map((campaign) => campaign.id),
      (id) =>
        this.queue.add(
          SEND_CAMPAIGN_JOB,
          { campaignId: id },
          sendCampaignJobOptions(this.config, id),
        ),
    );
  }
}

/** Every 5 minutes, on one replica: each tick enqueues one deduplicated job on `scheduled`. */
@Injectable()
export class RequeueStalledCampaignsScheduler {
  constructor(@InjectQueue(QUEUES.scheduled) private readonly scheduled: Queue) {}

  @Cron(CronExpression.EVERY_5_MINUTES, { name: REQUEUE_STALLED_CAMPAIGNS_JOB })
  async tick(now = new Date()): Promise<void> {
    const slot = now.toISOString().slice(0, 16);
    await this.scheduled.add(
      REQUEUE_STALLED_CAMPAIGNS_JOB,
      { slot },
      { jobId: `${REQUEUE_STALLED_CAMPAIGNS_JOB}:${slot}` },
    );
  }
}

@Processor(QUEUES.scheduled)
export class RequeueStalledCampaignsProcessor {
  constructor(private readonly requeue: RequeueStalledCampaigns) {}

  @TracedProcess(REQUEUE_STALLED_CAMPAIGNS_JOB)
  process(): Promise<RequeueOutcome> {
    return this.requeue.run();
  }
}
