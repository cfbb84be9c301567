import {
  Global,
  Injectable,
  Module,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { ProxyTracerProvider, trace } from '@opentelemetry/api';
import type { Job } from 'bull';
import { AppConfig } from '@lib/config';
import { Queues } from '@lib/queue';
import { createErrorReporter, ErrorReporter } from './error-reporter';

/** Reports jobs that failed for good (last attempt) and flushes reports and spans on shutdown. */
@Injectable()
class FailedJobReporter implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly config: AppConfig,
    private readonly queues: Queues,
    private readonly reporter: ErrorReporter,
  ) {}

  onModuleInit(): void {
    if (!this.config.runsWorker || !this.config.env.SENTRY_DSN) return;
    for (const queue of this.queues.all()) {
      queue.on('failed', (job: Job, error: Error) => {
        if (job.attemptsMade < (job.opts.attempts ?? 1)) return; // Bull retries it
        this.reporter.report(error, {
          job: {
            queue: queue.name,
            name: job.name,
            id: String(job.id),
            attempts: job.attemptsMade,
          },
        });
      });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const provider = trace.getTracerProvider();
    const tracing = provider instanceof ProxyTracerProvider ? provider.getDelegate() : provider;
    const flushTraces = (tracing as { forceFlush?: () => Promise<void> }).forceFlush;
    await Promise.all([this.reporter.flush(), flushTraces?.call(tracing)]);
  }
}

/** Error reports to Sentry when SENTRY_DSN is set; tracing itself starts in src/instrumentation.ts. */
@Global()
@Module({
  providers: [
    { provide: ErrorReporter, inject: [AppConfig], useFactory: createErrorReporter },
    FailedJobReporter,
  ],
  exports: [ErrorReporter],
})
export class ObservabilityModule {}
