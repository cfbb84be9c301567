import { EntityManager } from '@mikro-orm/postgresql';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ResponseCache } from '@lib/cache';
import { DistributedLock } from '@lib/queue';
import { BLOG_CACHE_TAG } from '../../blog-cache';
import { BlogViews } from '../../counters/blog-views';
import { FlushViewsCommand } from './flush-views.command';

/**
 * Counters only (no domain event): views are not part of the audit trail. A
 * Redis lock keeps two workers from flushing the same counts at once. Written
 * views change the public lists' counts and the most-read order, so stored
 * blog answers are dropped.
 */
@CommandHandler(FlushViewsCommand)
export class FlushViewsHandler implements ICommandHandler<FlushViewsCommand> {
  constructor(
    private readonly em: EntityManager,
    private readonly views: BlogViews,
    private readonly lock: DistributedLock,
    private readonly cache: ResponseCache,
  ) {}

  async execute(): Promise<number> {
    const result = await this.lock.runExclusive('blog:views:flush', 60_000, () =>
      this.views.flush(this.em.fork()),
    );
    const written = result.ran ? result.value : 0;
    if (written > 0) await this.cache.invalidate(BLOG_CACHE_TAG);
    return written;
  }
}
