import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Queues } from '@lib/queue';

export interface QueueSample {
  queue: string;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
}

/**
 * Samples every Bull queue's counts into today's rollups (the `queues` dashboard series):
 * the latest sample overwrites `queue_waiting`/`_active`/`_delayed`/`_failed`, and
 * `queue_waiting_peak` keeps the day's highest waiting count. Runs every 5 minutes.
 */
@Injectable()
export class QueueDepthSampler {
  constructor(
    private readonly em: EntityManager,
    private readonly queues: Queues,
  ) {}

  async sample(now = new Date()): Promise<QueueSample[]> {
    const samples: QueueSample[] = [];
    for (const queue of this.queues.all()) {
      // `paused` jobs wait too (a paused queue's waiting list).
      const counts = (await queue.getJobCounts()) as unknown as Record<string, number>;
      samples.push({
        queue: queue.name,
        waiting: (counts.waiting ?? 0) + (counts.paused ?? 0),
        active: counts.active ?? 0,
        delayed: counts.delayed ?? 0,
        failed: counts.failed ?? 0,
      });
    }
    await this.store(now.toISOString().slice(0, 10), samples);
    return samples;
  }

  async store(day: string, samples: QueueSample[]): Promise<void> {
    const rows = samples.flatMap((s) => [
      ['queue_waiting', s.queue, s.waiting],
      ['queue_active', s.queue, s.active],
      ['queue_delayed', s.queue, s.delayed],
      ['queue_failed', s.queue, s.failed],
      ['queue_waiting_peak', s.queue, s.waiting],
    ]);
    await this.em.fork().execute(
      `insert into analytics_daily_rollups (day, name, dimension, count, users)
       select ?::date, r->>0, r->>1, (r->>2)::bigint, 0 from jsonb_array_elements(?::jsonb) r
       on conflict (day, name, dimension) do update set count = case
         when excluded.name = 'queue_waiting_peak'
         then greatest(analytics_daily_rollups.count, excluded.count)
         else excluded.count end`,
      [day, JSON.stringify(rows)],
    );
  }
}
