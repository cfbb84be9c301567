import type { EntityManager } from '@mikro-orm/postgresql';
import type { QueryBus } from '@nestjs/cqrs';
import type { Principal } from '@lib/authz';
import { GetCvQuery } from '../../cv';
import { jobProblems } from '../jobs.problems';

/** The caller's CV and its current version; another user's CV is a 404 (from the CV module). */
export async function cvVersionOf(
  queries: QueryBus,
  actor: Principal,
  cvId: string,
): Promise<number> {
  const cv = await queries.execute(new GetCvQuery(actor, cvId));
  return cv.version;
}

/**
 * The caller's cover letter must exist; another user's is a 404. Read by table, not through
 * the cover-letters module: that module already depends on this one (jobId → GetJobQuery).
 */
export async function assertOwnCoverLetter(
  em: EntityManager,
  actor: Principal,
  coverLetterId: string,
): Promise<void> {
  const rows = await em.execute<unknown[]>(
    'select 1 from cover_letters where id = ? and owner_id = ?',
    [coverLetterId, actor.userId],
  );
  if (rows.length === 0) {
    throw jobProblems.problem(
      'job.cover_letter_not_found',
      `No cover letter ${coverLetterId} of yours`,
    );
  }
}
