import { Process, type ProcessOptions } from '@nestjs/bull';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  context,
  propagation,
  SpanKind,
  SpanStatusCode,
  trace,
  type TextMapGetter,
} from '@opentelemetry/api';
import type { Job, JobOptions, Queue } from 'bull';
import { AppConfig } from '@lib/config';
import { Queues } from './queues';

/** W3C trace context (`traceparent`, `tracestate`) carried in a job's options. */
export interface TracedJobOptions extends JobOptions {
  traceContext?: Record<string, string>;
}

const tracer = trace.getTracer('career-tools.bull');

const carrierGetter: TextMapGetter<Record<string, string>> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => carrier[key],
};

/**
 * Makes `queue.add` store the caller's trace context in the job options, so the
 * span of the job continues the trace of the request (or job) that enqueued it.
 * Only called when tracing is on; with it off jobs carry nothing.
 */
export function carryTraceContext(queue: Queue): void {
  const add = queue.add.bind(queue) as (...args: unknown[]) => ReturnType<Queue['add']>;
  const traced = (...args: unknown[]) => {
    const carrier: Record<string, string> = {};
    propagation.inject(context.active(), carrier);
    if (Object.keys(carrier).length === 0) return add(...args);
    // add(data, opts?) or add(name, data, opts?)
    const optsIndex = typeof args[0] === 'string' ? 2 : 1;
    const next = [...args];
    next[optsIndex] = { ...(args[optsIndex] as JobOptions), traceContext: carrier };
    return add(...next);
  };
  queue.add = traced as Queue['add'];
}

/** With tracing on, every queue carries the trace context of whoever adds a job. */
@Injectable()
export class JobTraceContext implements OnModuleInit {
  constructor(
    private readonly config: AppConfig,
    private readonly queues: Queues,
  ) {}

  onModuleInit(): void {
    if (!this.config.env.OTEL_EXPORTER_OTLP_ENDPOINT) return;
    for (const queue of this.queues.all()) carryTraceContext(queue);
  }
}

/** Runs `work` in a consumer span that is a child of the trace the job was enqueued in. */
export function runInJobSpan<T>(job: Job, work: () => Promise<T>): Promise<T> {
  const carrier = (job.opts as TracedJobOptions).traceContext ?? {};
  const parent = propagation.extract(context.active(), carrier, carrierGetter);
  const queueName = job.queue.name;
  return tracer.startActiveSpan(
    `${queueName} ${job.name}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'bull',
        'messaging.operation.type': 'process',
        'messaging.destination.name': queueName,
        'messaging.message.id': String(job.id),
        'bull.job.name': job.name,
        'bull.job.attempt': job.attemptsMade + 1,
      },
    },
    parent,
    async (span) => {
      try {
        return await work();
      } catch (error) {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/** `@Process(...)` whose handler runs in a job span (see `runInJobSpan`). Use it on every processor. */
export function TracedProcess(options: string | ProcessOptions): MethodDecorator {
  return (target, key, descriptor: PropertyDescriptor) => {
    const handler = descriptor.value as (job: Job) => Promise<unknown>;
    descriptor.value = function (this: unknown, job: Job) {
      return runInJobSpan(job, () => Promise.resolve(handler.call(this, job)));
    };
    Process(options as ProcessOptions)(target, key, descriptor);
  };
}
