import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Queue } from 'bull';
import { AppConfig } from '@lib/config';
import { QUEUES } from '@lib/queue';
import { BlogPost } from '../entities/blog-post.entity';
import { FLUSH_BLOG_VIEWS, PUBLISH_BLOG_POST, publishJobId } from './blog-jobs';

const FLUSH_SLOT_MS = 5 * 60_000;

/**
 * Each scheduled post already has a delayed job (queued when it was scheduled).
 * This minute tick on every worker is the safety net for a job Redis lost: it
 * enqueues the same natural job id for every post that is due, and the publish
 * command's row lock and status check make a second run a no-op. Views are
 * flushed every 5 minutes with a job id per slot.
 */
@Injectable()
export class BlogPublicationScheduler {
  constructor(
    @InjectQueue(QUEUES.scheduled) private readonly queue: Queue,
    private readonly em: EntityManager,
    private readonly config: AppConfig,
  ) {}

  @Cron(CronExpression.EVERY_MINUTE, { name: PUBLISH_BLOG_POST })
  async tick(now = new Date()): Promise<void> {
    if (!this.config.env.BLOG_SCHEDULE) return;
    await this.enqueueDue(now);
    const slot = Math.floor(now.getTime() / FLUSH_SLOT_MS);
    await this.queue.add(FLUSH_BLOG_VIEWS, {}, { jobId: `blog-views:${slot}` });
  }

  async enqueueDue(now = new Date()): Promise<number> {
    const due = await this.em
      .fork()
      .find(
        BlogPost,
        { status: 'scheduled', publishAt: { $lte: now } },
        { fields: ['id', 'publishAt'], limit: 500 },
      );
    for (const post of due) {
      await this.queue.add(
        PUBLISH_BLOG_POST,
        { postId: post.id },
        { jobId: publishJobId(post.id, post.publishAt!) },
      );
    }
    return due.length;
  }
}
