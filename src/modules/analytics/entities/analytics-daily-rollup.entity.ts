import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One day's count of one event name, per dimension value (`''` = all of the day's
 * events of that name). Recomputed whole by the rollup job, so reruns are harmless.
 * `users` counts distinct users of that day; the dashboard reads only this table
 * for event series; `user_active` also has its 7- and 30-day distinct users (`7d`, `30d`).
 */
@Entity({ tableName: 'analytics_daily_rollups' })
@Index({ properties: ['name', 'day'] })
export class AnalyticsDailyRollup {
  @PrimaryKey({ type: 'date' })
  day!: string;

  @PrimaryKey({ type: 'text' })
  name!: string;

  @PrimaryKey({ type: 'text' })
  dimension: string = '';

  @Property({ type: 'bigint', columnType: 'bigint' })
  count!: string;

  @Property({ type: 'integer' })
  users!: number;
}
