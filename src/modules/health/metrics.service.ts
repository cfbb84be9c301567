import { Injectable, type OnModuleInit } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { EntityManager } from '@mikro-orm/postgresql';
import { AppConfig } from '@lib/config';
import { EventDeliveries } from '@lib/event-store';
import { Queues } from '@lib/queue';

/**
 * Prometheus metrics of this process: HTTP latency by route, queue depths, job
 * outcomes, and event deliveries waiting for a retry or dead (alert on dead > 0).
 */
@Injectable()
export class MetricsService implements OnModuleInit {
  readonly registry = new Registry();
  private readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by method, route template and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly jobOutcomes = new Counter({
    name: 'queue_jobs_total',
    help: 'Jobs finished by this worker, by queue and outcome',
    labelNames: ['queue', 'outcome'],
    registers: [this.registry],
  });

  constructor(
    private readonly allQueues: Queues,
    private readonly config: AppConfig,
    private readonly em: EntityManager,
    private readonly deliveries: EventDeliveries,
  ) {}

  onModuleInit(): void {
    collectDefaultMetrics({ register: this.registry });
    const queues = this.allQueues.all();
    new Gauge({
      name: 'queue_jobs',
      help: 'Jobs in each queue by state',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        for (const queue of queues) {
          const counts = await queue.getJobCounts().catch(() => undefined);
          for (const [state, n] of Object.entries<number>({ ...counts })) {
            this.set({ queue: queue.name, state }, n);
          }
        }
      },
    });
    const { em, deliveries } = this;
    new Gauge({
      name: 'event_deliveries',
      help: 'Event deliveries by handler that wait for a retry (pending) or gave up (dead)',
      labelNames: ['status', 'handler'],
      registers: [this.registry],
      async collect() {
        const counts = await deliveries.count(em.fork()).catch(() => undefined);
        if (!counts) return;
        this.reset();
        for (const { status, handler, n } of counts) this.set({ status, handler }, n);
      },
    });
    if (this.config.runsWorker) {
      for (const queue of queues) {
        queue.on('completed', () =>
          this.jobOutcomes.inc({ queue: queue.name, outcome: 'completed' }),
        );
        queue.on('failed', () => this.jobOutcomes.inc({ queue: queue.name, outcome: 'failed' }));
      }
    }
  }

  observeHttp(method: string, route: string, status: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status: String(status) }, seconds);
  }
}
