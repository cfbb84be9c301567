import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { HandlesEventInJob, type DomainEventHandler } from '@lib/event-store';
import { UserDeleted } from '../../identity';
import { AiCreditBalance } from '../entities/ai-credit-balance.entity';
import { AiUsageEntry } from '../entities/ai-usage-entry.entity';

/** An erased account takes its AI usage records and credits with it. Idempotent. */
@Injectable()
@HandlesEventInJob(UserDeleted)
export class EraseAiUsageOfDeletedUserHandler implements DomainEventHandler<UserDeleted> {
  constructor(private readonly em: EntityManager) {}

  async handle(event: UserDeleted): Promise<void> {
    await this.em.fork().nativeDelete(AiUsageEntry, { userId: event.streamId });
    await this.em.fork().nativeDelete(AiCreditBalance, { userId: event.streamId });
  }
}
