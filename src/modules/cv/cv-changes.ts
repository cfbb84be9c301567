import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertTemplateAllowed, findOwnCv, type CvActor } from './cv.policies';
import { nextState } from './commands/update-cv/next-state';
import type { CvChange } from './commands/update-cv/update-cv.command';
import type { Cv } from './entities/cv.entity';
import { assertVersion, type ExpectedVersion } from './versions/if-match';

/**
 * Changes a CV inside the caller's transaction, so a use case that changes a
 * CV and something else (applying an AI suggestion) commits both or neither.
 * Optimistic concurrency: the row is locked, then the expected version is
 * compared, so two writers based on the same version cannot both win. A change
 * that changes nothing makes no new version.
 */
@Injectable()
export class CvChanges {
  async apply(
    em: EntityManager,
    actor: CvActor,
    cvId: string,
    expected: ExpectedVersion | undefined,
    change: CvChange,
  ): Promise<Cv> {
    const cv = await findOwnCv(em, actor, cvId, 'update', { lock: true });
    assertVersion(expected, cv.version);
    const next = nextState(cv.state, change);
    if (next.layout.template !== cv.layout.template)
      assertTemplateAllowed(actor, next.layout.template);
    cv.change(next);
    return cv;
  }
}
