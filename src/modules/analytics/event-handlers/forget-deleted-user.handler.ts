import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { HandlesEventInJob, type DomainEventHandler } from '@lib/event-store';
import { UserDeleted } from '../../identity';
import { AnalyticsRecorder } from '../analytics-recorder';

/** An erased account's analytics events stay only as anonymous counts. Idempotent. */
@Injectable()
@HandlesEventInJob(UserDeleted)
export class ForgetDeletedUserHandler implements DomainEventHandler<UserDeleted> {
  constructor(
    private readonly em: EntityManager,
    private readonly analytics: AnalyticsRecorder,
  ) {}

  async handle(event: UserDeleted): Promise<void> {
    await this.analytics.forgetUser(this.em.fork(), event.streamId);
  }
}
