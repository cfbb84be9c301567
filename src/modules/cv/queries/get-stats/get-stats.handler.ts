import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { findOwnCv } from '../../cv.policies';
import type { CvStatsDto } from '../../dto/cv-share.dto';
import { GetStatsQuery } from './get-stats.query';

interface DayRow {
  day: string;
  views: string;
  downloads: string;
  visitors: string;
}

/** Views and downloads of the CV's public link per UTC day (each visitor once per day and kind). */
@QueryHandler(GetStatsQuery)
export class GetStatsHandler implements IQueryHandler<GetStatsQuery, CvStatsDto> {
  constructor(private readonly em: EntityManager) {}

  async execute({ actor, cvId, days }: GetStatsQuery): Promise<CvStatsDto> {
    const em = this.em.fork();
    const cv = await findOwnCv(em, actor, cvId);
    const rows = await em.execute<DayRow[]>(
      `select to_char(day, 'YYYY-MM-DD') as day,
              count(*) filter (where kind = 'view') as views,
              count(*) filter (where kind = 'download') as downloads,
              count(distinct visitor) as visitors
         from cv_share_visits
        where cv_id = ? and day > (now() at time zone 'utc')::date - ?::int
        group by day order by day`,
      [cv.id, days],
    );
    const perDay = rows.map((r) => ({
      date: r.day,
      views: Number(r.views),
      downloads: Number(r.downloads),
      uniqueVisitors: Number(r.visitors),
    }));
    return {
      views: perDay.reduce((sum, d) => sum + d.views, 0),
      downloads: perDay.reduce((sum, d) => sum + d.downloads, 0),
      days: perDay,
    };
  }
}
