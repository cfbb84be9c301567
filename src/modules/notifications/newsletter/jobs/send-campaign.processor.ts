import { Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { auditContext } from '@lib/event-store';
import { QUEUES, TracedProcess, type SendCampaignJob } from '@lib/queue';
import { CampaignSender, type CampaignSendOutcome } from './campaign-sender';
import { SEND_CAMPAIGN_JOB } from './send-campaign-job';

/**
 * Worker side of a campaign send. A worker that dies mid-campaign leaves the
 * job active with an expiring lock: Bull's stalled check gives it to another
 * worker, which continues from the pending rows (and the sweep re-queues a
 * campaign whose job was lost).
 */
@Processor(QUEUES.newsletter)
export class SendCampaignProcessor {
  constructor(private readonly sender: CampaignSender) {}

  @TracedProcess(SEND_CAMPAIGN_JOB)
  send(job: Job<SendCampaignJob>): Promise<CampaignSendOutcome> {
    return auditContext.run(
      { actor: { type: 'system', id: 'newsletter-worker' }, causationId: String(job.id) },
      () => this.sender.run(job.data.campaignId),
    );
  }
}
