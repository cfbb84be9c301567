import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { analyticsProblems } from '../../analytics.problems';
import {
  bucketStart,
  bucketsBetween,
  DASHBOARD_SERIES,
  EACH_DIMENSION,
  type SeriesRate,
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
    const definition: {
      description: string;
      values: Record<string, SeriesValue>;
      rates?: Record<string, SeriesRate>;
    } = DASHBOARD_SERIES[query.series];
    const declared = Object.entries(definition.values);
    const names = [...new Set(declared.map(([, v]) => v.name))];
    const rows = await this.em.fork().execute<RollupRow[]>(
      `select to_char(day, 'YYYY-MM-DD') as day, name, dimension, count::text as count, users
       from analytics_daily_rollups
       where name in (${names.map(() => '?').join(', ')}) and day between ? and ?
       order by day`,
      [...names, from, to],
    );
    const values = expandDimensions(declared, rows);
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
      points: [...daysPerBucket].map(([start, bucketDays]) => {
        const point: Record<string, number> = {};
        for (const [key, value, dimensions] of values) {
          const bucketRows = byBucket.get(start) ?? [];
          const perDimension = dimensions.map((dimension) =>
            aggregate(bucketRows, { ...value, dimension }, bucketDays),
          );
          if (value.dimension === EACH_DIMENSION) {
            const total =
              value.aggregate === 'maxCount'
                ? Math.max(0, ...perDimension)
                : perDimension.reduce((sum, n) => sum + n, 0);
            point[key] = scaled(total, value.scale);
            dimensions.forEach((dimension, i) => {
              point[`${key}.${dimension}`] = scaled(perDimension[i], value.scale);
            });
          } else {
            point[key] = scaled(perDimension[0], value.scale);
          }
        }
        for (const [key, rate] of Object.entries(definition.rates ?? {})) {
          addRate(point, key, rate);
        }
        return { start, values: point };
      }),
    };
  }
}

/**
 * Each declared value with the dimensions it reads: its own, or (EACH_DIMENSION) every
 * non-empty dimension of its name in the range, sorted, so every point has the same keys.
 */
function expandDimensions(
  declared: Array<[string, SeriesValue]>,
  rows: RollupRow[],
): Array<[string, SeriesValue, string[]]> {
  return declared.map(([key, value]) => {
    if (value.dimension !== EACH_DIMENSION) return [key, value, [value.dimension]];
    const dimensions = new Set(
      rows.filter((r) => r.name === value.name && r.dimension !== '').map((r) => r.dimension),
    );
    return [key, value, [...dimensions].sort()];
  });
}

function scaled(n: number, scale: number | undefined): number {
  return scale ? Math.round((n / scale) * 1_000_000) / 1_000_000 : n;
}

/** `key` from the point's totals, and `key.<dimension>` for every dimension `of` has. */
function addRate(point: Record<string, number>, key: string, rate: SeriesRate): void {
  const ratio = (suffix: string) => {
    const denominator = rate.over.reduce((sum, k) => sum + (point[`${k}${suffix}`] ?? 0), 0);
    return denominator === 0
      ? 0
      : Math.round(((point[`${rate.of}${suffix}`] ?? 0) / denominator) * 10_000) / 10_000;
  };
  const suffixes = new Set(
    Object.keys(point)
      .filter((k) => rate.over.some((over) => k.startsWith(`${over}.`)))
      .map((k) => k.slice(k.indexOf('.'))),
  );
  point[key] = ratio('');
  for (const suffix of [...suffixes].sort()) point[`${key}${suffix}`] = ratio(suffix);
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
    case 'maxCount':
      return matching.reduce((max, r) => Math.max(max, Number(r.count)), 0);
  }
}
