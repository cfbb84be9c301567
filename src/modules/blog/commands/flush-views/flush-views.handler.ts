import { EntityManager } from '@mikro-orm/postgresql';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DistributedLock } from '@lib/queue';
import { BlogViews } from '../../counters/blog-views';
import { FlushViewsCommand } from './flush-views.command';

/**
 * Counters only (no domain event): views are not part of the audit trail. A
 * Redis lock keeps two workers from flushing the same counts at once.
 */
@CommandHandler(FlushViewsCommand)
export class FlushViewsHandler implements ICommandHandler<FlushViewsCommand> {
  constructor(
    private readonly em: EntityManager,
    private readonly views: BlogViews,
    private readonly lock: DistributedLock,
  ) {}

  async execute(): Promise<number> {
    const result = await this.lock.runExclusive('blog:views:flush', 60_000, () =>
      this.views.flush(this.em.fork()),
    );
    return result.ran ? result.value : 0;
  }
}
