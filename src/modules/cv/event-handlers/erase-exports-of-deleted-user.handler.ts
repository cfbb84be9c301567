import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { HandlesEventInJob, type DomainEventHandler } from '@lib/event-store';
import { UserDeleted } from '../../identity';
import { CvExport } from '../entities/cv-export.entity';
import { CvRenderCache } from '../exports/cv-render-cache';

/** An erased account takes its exports and every rendered file of its CVs with it. Idempotent. */
@Injectable()
@HandlesEventInJob(UserDeleted)
export class EraseExportsOfDeletedUserHandler implements DomainEventHandler<UserDeleted> {
  constructor(
    private readonly em: EntityManager,
    private readonly cache: CvRenderCache,
  ) {}

  async handle(event: UserDeleted): Promise<void> {
    await this.cache.eraseOwner(event.streamId);
    await this.em.fork().nativeDelete(CvExport, { ownerId: event.streamId });
  }
}
