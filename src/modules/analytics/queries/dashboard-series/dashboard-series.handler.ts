import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { analyticsProblems } from '../../analytics.problems';
import {
  bucketStart,
  bucketsBetween,
  DASHBOARD_SERIES,
  type SeriesValue,
} from '../../dashboard-series';
import type { DashboardSeriesDto } from '../../dto/dashboard.dto';
import { DashboardSeriesQuery } from './dashboard-series.query';

const MAX_DAYS = 400;
const DAY_MS = 86_400_000;

interface RollupRow {
  day: string;
  name: string;
  dimension: string;
  count: string;
  users: number;
}

/**
 * Reads the rollup rows of the series' names in the range (one index range scan per
 * name: a few hundred rows at most) and buckets them here.
 */
@QueryHandler(DashboardSeriesQuery)
export class DashboardSeriesHandler implements IQueryHandler<DashboardSeriesQuery> {
  constructor(private readonly em: EntityManager) {}

  async execute(query: DashboardSeriesQuery): Promise<DashboardSeriesDto> {
    const to = query.to ?? new Date().toISOString().slice(0, 10);
    const from = query.from ?? new Date(Date.parse(to) - 29 * DAY_MS).toISOString().slice(0, 10);
    const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
    if (!(days >= 1 && days <= MAX_DAYS)) {
      throw analyticsProblems.problem(
        'analytics.invalid_range',
        `from (${from}) must not be after to (${to}), and the range holds at most ${MAX_DAYS} days`,
      );
    }
    const definition = DASHBOARD_SERIES[query.series];
    const values = Object.entries(definition.values) as Array<[string, SeriesValue]>;
    const names = [...new Set(values.map(([, v]) => v.name))];
    const rows = await this.em.fork().execute<RollupRow[]>(
      `select to_char(day, 'YYYY-MM-DD') as day, name, dimension, count::text as count, users
       from analytics_daily_rollups
       where name in (${names.map(() => '?').join(', ')}) and day between ? and ?
       order by day`,
      [...names, from, to],
    );
    const byBucket = new Map<string, RollupRow[]>();
    for (const row of rows) {
      const bucket = bucketStart(row.day, query.interval);
      byBucket.set(bucket, [...(byBucket.get(bucket) ?? []), row]);
    }
    // Days of each bucket inside the range (the first and last may be partial).
    const daysPerBucket = new Map<string, number>();
    for (const day of bucketsBetween(from, to, 'day')) {
      const bucket = bucketStart(day, query.interval);
      daysPerBucket.set(bucket, (daysPerBucket.get(bucket) ?? 0) + 1);
    }
    return {
      series: query.series,
      description: definition.description,
      from,
      to,
      interval: query.interval,
      points: [...daysPerBucket].map(([start, bucketDays]) => ({
        start,
        values: Object.fromEntries(
          values.map(([key, value]) => [
            key,
            aggregate(byBucket.get(start) ?? [], value, bucketDays),
          ]),
        ),
      })),
    };
  }
}

function aggregate(rows: RollupRow[], value: SeriesValue, days: number): number {
  const matching = rows.filter((r) => r.name === value.name && r.dimension === value.dimension);
  const last = matching.at(-1);
  switch (value.aggregate) {
    case 'sumCount':
      return matching.reduce((sum, r) => sum + Number(r.count), 0);
    case 'sumUsers':
      return matching.reduce((sum, r) => sum + r.users, 0);
    case 'avgUsers':
      return Math.round((matching.reduce((sum, r) => sum + r.users, 0) / days) * 100) / 100;
    case 'lastCount':
      return last ? Number(last.count) : 0;
    case 'lastUsers':
      return last?.users ?? 0;
  }
}
