import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import { HandlesEvent, type DomainEventHandler } from '@lib/event-store';
import { QUEUES } from '@lib/queue';
import { BlogPostChanged } from '../events/blog.events';
import { PUBLISH_BLOG_POST, publishJobId } from '../jobs/blog-jobs';

/**
 * A post scheduled (or rescheduled) gets a delayed job at its `publishAt`,
 * id `blog-publish:<post>:<time>`: a redelivered event adds nothing, and a job
 * left from an earlier schedule finds the post not due and does nothing.
 */
@Injectable()
@HandlesEvent(BlogPostChanged)
export class SchedulePublicationHandler implements DomainEventHandler<BlogPostChanged> {
  constructor(@InjectQueue(QUEUES.scheduled) private readonly queue: Queue) {}

  async handle(event: BlogPostChanged): Promise<void> {
    const { status, publishAt } = event.payload;
    if (status !== 'scheduled' || !publishAt) return;
    const at = new Date(publishAt);
    await this.queue.add(
      PUBLISH_BLOG_POST,
      { postId: event.streamId },
      { jobId: publishJobId(event.streamId, at), delay: Math.max(0, at.getTime() - Date.now()) },
    );
  }
}
