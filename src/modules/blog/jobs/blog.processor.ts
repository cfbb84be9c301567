import { Processor } from '@nestjs/bull';
import { CommandBus } from '@nestjs/cqrs';
import type { Job } from 'bull';
import { auditContext } from '@lib/event-store';
import { QUEUES, TracedProcess } from '@lib/queue';
import { FlushViewsCommand } from '../commands/flush-views/flush-views.command';
import { PublishDuePostCommand } from '../commands/publish-due-post/publish-due-post.command';
import { FLUSH_BLOG_VIEWS, PUBLISH_BLOG_POST, type PublishBlogPostJob } from './blog-jobs';

/** Worker side of the blog's schedules: publishing a due post, flushing view counters. */
@Processor(QUEUES.scheduled)
export class BlogProcessor {
  constructor(private readonly commands: CommandBus) {}

  @TracedProcess({ name: PUBLISH_BLOG_POST, concurrency: 1 })
  async publish(job: Job<PublishBlogPostJob>): Promise<{ published: boolean }> {
    const published = await auditContext.run(
      { actor: { type: 'system', id: 'blog-scheduler' }, causationId: String(job.id) },
      () => this.commands.execute(new PublishDuePostCommand(job.data.postId)),
    );
    return { published };
  }

  @TracedProcess({ name: FLUSH_BLOG_VIEWS, concurrency: 1 })
  async flush(): Promise<{ views: number }> {
    return { views: await this.commands.execute(new FlushViewsCommand()) };
  }
}
