import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { HandlesEventInJob, type DomainEventHandler } from '@lib/event-store';
import { CvExport } from '../entities/cv-export.entity';
import { CvDeleted } from '../events/cv.events';
import { CvRenderCache } from '../exports/cv-render-cache';

/**
 * A deleted CV takes its exports and its rendered files (they hold its content)
 * with it. Files first: a failure leaves the rows for the relay's retry. Idempotent.
 */
@Injectable()
@HandlesEventInJob(CvDeleted)
export class EraseExportsOfDeletedCvHandler implements DomainEventHandler<CvDeleted> {
  constructor(
    private readonly em: EntityManager,
    private readonly cache: CvRenderCache,
  ) {}

  async handle(event: CvDeleted): Promise<void> {
    await this.cache.eraseCv(event.streamId);
    await this.em.fork().nativeDelete(CvExport, { cvId: event.streamId });
  }
}
