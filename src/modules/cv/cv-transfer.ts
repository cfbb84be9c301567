import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import { cvNotFound } from './cv.policies';
import { Cv } from './entities/cv.entity';
import type { CvHistory } from './versions/cv-history';

/**
 * Hands `fromUserId`'s live CV to `toUserId` inside the caller's transaction
 * (teams: a member's shared CV moves to the team's owner), with a copy of its
 * versions under the new owner's key. Anyone else's CV is a 404.
 */
export async function transferCv(
  em: EntityManager,
  history: CvHistory,
  cvId: string,
  fromUserId: string,
  toUserId: string,
): Promise<void> {
  const cv = await em.findOne(
    Cv,
    { id: cvId, ownerId: fromUserId, deletedAt: null },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  if (!cv) throw cvNotFound();
  cv.transferTo(toUserId, await history.copies(em, cv.id));
}
