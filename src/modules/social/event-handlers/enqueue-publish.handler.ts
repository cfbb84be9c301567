import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import { HandlesEvent, type DomainEventHandler } from '@lib/event-store';
import { QUEUES } from '@lib/queue';
import { SocialPostScheduled } from '../events/social.events';
import { publishJobId, SOCIAL_PUBLISH, type PublishTargetJob } from '../jobs/social-jobs';

/**
 * A delayed job per (post, account) at its time. The id carries the time, so a
 * redelivered event adds nothing and a reschedule adds a new job (the old one
 * then finds no target queued for its time). One attempt: never a blind retry.
 */
@Injectable()
@HandlesEvent(SocialPostScheduled)
export class EnqueuePublishHandler implements DomainEventHandler<SocialPostScheduled> {
  constructor(@InjectQueue(QUEUES.scheduled) private readonly queue: Queue<PublishTargetJob>) {}

  async handle(event: SocialPostScheduled): Promise<void> {
    const now = Date.now();
    await this.queue.addBulk(
      event.payload.targets.map((t) => {
        const at = new Date(t.scheduledAt);
        return {
          name: SOCIAL_PUBLISH,
          data: { targetId: t.targetId, scheduledAt: t.scheduledAt },
          opts: {
            jobId: publishJobId(t.targetId, at),
            delay: Math.max(0, at.getTime() - now),
            attempts: 1,
          },
        };
      }),
    );
  }
}
