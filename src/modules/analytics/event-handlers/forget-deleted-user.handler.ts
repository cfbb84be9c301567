import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { HandlesEventInJob, type DomainEventHandler } from '@lib/event-store';
import { UserDeleted } from '../../identity';

/** An erased account's analytics events stay only as anonymous counts. Idempotent. */
@Injectable()
@HandlesEventInJob(UserDeleted)
export class ForgetDeletedUserHandler implements DomainEventHandler<UserDeleted> {
  constructor(private readonly em: EntityManager) {}

  async handle(event: UserDeleted): Promise<void> {
    await this.em
      .fork()
      .execute('update analytics_events set user_id = null where user_id = ?', [event.streamId]);
  }
}
