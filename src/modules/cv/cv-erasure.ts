import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventRecorder } from '@lib/event-store';
import { Cv } from './entities/cv.entity';
import { CvAiSuggestion } from './entities/cv-ai-suggestion.entity';
import { CvShare } from './entities/cv-share.entity';
import { CvShareVisit } from './entities/cv-share-visit.entity';
import { CvVersionLabel } from './entities/cv-version-label.entity';
import { CvDeleted } from './events/cv.events';

/**
 * Removes every CV of a user for account deletion, inside the caller's unit
 * of work (`uow.run((em, events) => erasure.eraseOwner(em, events, userId))`).
 * Rows go for good; each CV still live gets a `cv.deleted` event; AI suggestions go too. The
 * patches in the event store still hold the content until the per-user key
 * is shredded (see ARCHITECTURE.md, "Event store").
 */
@Injectable()
export class CvErasure {
  async eraseOwner(em: EntityManager, events: EventRecorder, ownerId: string): Promise<number> {
    const rows = await em.execute<{ id: string; deleted_at: Date | null }[]>(
      'select id, deleted_at from cvs where owner_id = ?',
      [ownerId],
    );
    const ids = rows.map((r) => r.id);
    await em.nativeDelete(CvAiSuggestion, { ownerId });
    if (ids.length === 0) return 0;
    for (const row of rows) {
      if (!row.deleted_at)
        events.record(new CvDeleted(row.id, { ownerId, reason: 'account_deleted' }));
    }
    await em.nativeDelete(CvShareVisit, { cvId: { $in: ids } });
    await em.nativeDelete(CvVersionLabel, { cvId: { $in: ids } });
    await em.nativeDelete(CvShare, { ownerId });
    await em.nativeDelete(Cv, { ownerId });
    return ids.length;
  }
}
