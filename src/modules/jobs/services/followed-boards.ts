import type { EntityManager } from '@mikro-orm/postgresql';
import type { CompanyBoardSourceName } from '@lib/providers';
import { JobBoard } from '../entities/job-board.entity';
import type { JobSources } from '../job-sources.provider';

/** A per-company source's boards: its env list, then those admins added. */
export async function followedBoards(
  em: EntityManager,
  sources: JobSources,
  source: CompanyBoardSourceName,
): Promise<string[]> {
  const added = await em.find(JobBoard, { source }, { orderBy: { createdAt: 'asc' } });
  return [...new Set([...sources.envBoards(source), ...added.map((b) => b.token)])];
}
