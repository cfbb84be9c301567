import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { CalendarEntryDto, SocialCalendarDto } from '../../dto/social-insights.dto';
import { dateRange } from '../../services/date-range';
import { CalendarQuery } from './calendar.query';

const MAX_ENTRIES = 2000;

interface Row {
  post_id: string;
  target_id: string;
  account_id: string;
  network: string;
  status: string;
  at: Date;
  text: string;
  remote_url: string | null;
}

/** Targets per UTC day: scheduled ones at their time, published ones when they went out. */
@QueryHandler(CalendarQuery)
export class CalendarHandler implements IQueryHandler<CalendarQuery, SocialCalendarDto> {
  constructor(private readonly em: EntityManager) {}

  async execute({ userId, from, to }: CalendarQuery): Promise<SocialCalendarDto> {
    const range = dateRange(from, to);
    const rows = await this.em.fork().execute<Row[]>(
      `select t.post_id, t.id as target_id, t.account_id, t.network, t.status,
              coalesce(t.published_at, t.scheduled_at) as at, p.text, t.remote_url
         from social_post_targets t join social_posts p on p.id = t.post_id
        where t.user_id = ? and coalesce(t.published_at, t.scheduled_at) between ? and ?
        order by at, t.id limit ${MAX_ENTRIES}`,
      [userId, range.from, range.to],
    );
    const days = new Map<string, CalendarEntryDto[]>();
    for (const row of rows) {
      const at = new Date(row.at);
      const date = at.toISOString().slice(0, 10);
      const entries = days.get(date) ?? [];
      entries.push({
        postId: row.post_id,
        targetId: row.target_id,
        accountId: row.account_id,
        network: row.network,
        status: row.status,
        at: at.toISOString(),
        excerpt: [...row.text].slice(0, 140).join(''),
        remoteUrl: row.remote_url,
      });
      days.set(date, entries);
    }
    return { days: [...days.entries()].map(([date, entries]) => ({ date, entries })) };
  }
}
