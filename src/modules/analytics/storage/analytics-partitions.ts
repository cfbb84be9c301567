import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';

/** How many months ahead partitions exist, so an insert never finds none for its month. */
const MONTHS_AHEAD = 3;

/** The first day of the month `offset` months from `date`'s month (UTC), as `YYYY-MM-DD`. */
export function monthStart(date: Date, offset = 0): string {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offset, 1))
    .toISOString()
    .slice(0, 10);
}

function partitionName(month: string): string {
  return `analytics_events_y${month.slice(0, 4)}m${month.slice(5, 7)}`;
}

/**
 * The monthly partitions of `analytics_events` (range on `occurred_at`): every month
 * of the retention window exists up to three months ahead; older months are dropped
 * whole (a `drop table` of the partition, not a delete of millions of rows).
 */
@Injectable()
export class AnalyticsPartitions {
  constructor(private readonly em: EntityManager) {}

  /** Creates the missing partitions from `from`'s month to `to`'s month. Idempotent. */
  async ensure(from: Date, to: Date): Promise<string[]> {
    const created: string[] = [];
    const em = this.em.fork();
    const existing = new Set(await this.list());
    for (let offset = 0; ; offset += 1) {
      const month = monthStart(from, offset);
      if (month > monthStart(to)) break;
      const name = partitionName(month);
      if (existing.has(name)) continue;
      await em.execute(
        `create table if not exists "${name}" partition of analytics_events
         for values from ('${month}') to ('${monthStart(new Date(month), 1)}')`,
      );
      created.push(name);
    }
    return created;
  }

  /** Keeps `retentionMonths` whole months before the current one; drops the older partitions. */
  async dropOlderThan(retentionMonths: number, now = new Date()): Promise<string[]> {
    const oldestKept = partitionName(monthStart(now, -retentionMonths));
    const doomed = (await this.list()).filter((name) => name < oldestKept);
    const em = this.em.fork();
    for (const name of doomed) await em.execute(`drop table if exists "${name}"`);
    return doomed;
  }

  /** Creates what the window needs and drops what retention no longer keeps. */
  async maintain(
    retentionMonths: number,
    now = new Date(),
  ): Promise<{ created: string[]; dropped: string[] }> {
    const from = new Date(monthStart(now, -retentionMonths));
    const created = await this.ensure(from, new Date(monthStart(now, MONTHS_AHEAD)));
    return { created, dropped: await this.dropOlderThan(retentionMonths, now) };
  }

  /** The partitions' table names, oldest first (the names sort by month). */
  async list(): Promise<string[]> {
    const rows = await this.em.fork().execute<{ name: string }[]>(
      `select c.relname as name from pg_inherits i
       join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
       where p.relname = 'analytics_events' order by c.relname`,
    );
    return rows.map((r) => r.name);
  }
}
