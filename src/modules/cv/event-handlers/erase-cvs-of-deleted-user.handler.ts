import { Injectable } from '@nestjs/common';
import { HandlesEventInJob, UnitOfWork, type DomainEventHandler } from '@lib/event-store';
import { UserDeleted } from '../../identity';
import { Cv } from '../entities/cv.entity';
import { CvAiSuggestion } from '../entities/cv-ai-suggestion.entity';
import { CvShare } from '../entities/cv-share.entity';
import { CvShareVisit } from '../entities/cv-share-visit.entity';
import { CvVersionLabel } from '../entities/cv-version-label.entity';
import { CvDeleted } from '../events/cv.events';

/**
 * An erased account takes its CVs, shares, version labels and AI suggestions with it, in one
 * unit of work. Rows go for good; each CV still live gets a `cv.deleted` event. The patches
 * in the event store still hold the content until the per-user key is shredded (see
 * ARCHITECTURE.md, "Event store"). Idempotent.
 */
@Injectable()
@HandlesEventInJob(UserDeleted)
export class EraseCvsOfDeletedUserHandler implements DomainEventHandler<UserDeleted> {
  constructor(private readonly uow: UnitOfWork) {}

  async handle({ streamId: ownerId }: UserDeleted): Promise<void> {
    await this.uow.run(async (em, events) => {
      const rows = await em.execute<{ id: string; deleted_at: Date | null }[]>(
        'select id, deleted_at from cvs where owner_id = ?',
        [ownerId],
      );
      const ids = rows.map((r) => r.id);
      await em.nativeDelete(CvAiSuggestion, { ownerId });
      if (ids.length === 0) return;
      for (const row of rows) {
        if (!row.deleted_at)
          events.record(new CvDeleted(row.id, { ownerId, reason: 'account_deleted' }));
      }
      await em.nativeDelete(CvShareVisit, { cvId: { $in: ids } });
      await em.nativeDelete(CvVersionLabel, { cvId: { $in: ids } });
      await em.nativeDelete(CvShare, { ownerId });
      await em.nativeDelete(Cv, { ownerId });
    });
  }
}
